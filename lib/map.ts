import "server-only";
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import detailed from "world-atlas/countries-50m.json";
import coarse from "world-atlas/countries-110m.json";

// A server-rendered SVG map from Natural Earth (world-atlas, public domain): no tiles, no
// scripts, no requests. Only what falls inside the view is drawn, to keep the HTML small.

export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 500;
const PAD = 40;
const MIN_SPAN_DEGREES = 3;

// The 1:50m outlines for a country or region, the 1:110m ones for a continent or more.
const WIDE_SPAN_DEGREES = 25;
const cache = new Map<unknown, Feature<Geometry>[]>();
function getCountries(atlas: unknown): Feature<Geometry>[] {
  let features = cache.get(atlas);
  if (!features) {
    const topology = atlas as Topology<{ countries: GeometryCollection }>;
    features = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry>).features;
    cache.set(atlas, features);
  }
  return features;
}

export type MapPoint = { slug: string; name: string; city: string; latitude: number; longitude: number; approximate: boolean };
export type MapMarker = MapPoint & { x: number; y: number };
export type MapView = { countryPaths: string[]; markers: MapMarker[] };

/** Projects the points into a view fitted around them; a lone city gets a few degrees around it. */
export function renderMap(points: MapPoint[]): MapView {
  if (points.length === 0) return { countryPaths: [], markers: [] };
  const lats = points.map((p) => p.latitude);
  const lngs = points.map((p) => p.longitude);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const midLng = (Math.min(...lngs) + Math.max(...lngs)) / 2;
  const half = MIN_SPAN_DEGREES / 2;
  const corners: [number, number][] = [
    [Math.min(Math.min(...lngs), midLng - half), Math.min(Math.min(...lats), midLat - half)],
    [Math.max(Math.max(...lngs), midLng + half), Math.max(Math.max(...lats), midLat + half)],
  ];
  const projection = geoMercator()
    .fitExtent(
      [
        [PAD, PAD],
        [MAP_WIDTH - PAD, MAP_HEIGHT - PAD],
      ],
      { type: "MultiPoint", coordinates: corners },
    )
    .clipExtent([
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ]);
  const path = geoPath(projection).digits(0);
  const wide = corners[1][0] - corners[0][0] > WIDE_SPAN_DEGREES || corners[1][1] - corners[0][1] > WIDE_SPAN_DEGREES;
  const countryPaths = getCountries(wide ? coarse : detailed)
    .map((f) => path(f))
    .filter((d): d is string => Boolean(d) && d !== "");

  // Hospitals placed at the same city centre are spread on a small ring so each can be chosen.
  const byPlace = new Map<string, MapPoint[]>();
  for (const p of points) {
    const key = `${p.latitude.toFixed(3)},${p.longitude.toFixed(3)}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), p]);
  }
  const markers: MapMarker[] = [];
  for (const group of byPlace.values()) {
    group.forEach((p, i) => {
      const [x, y] = projection([p.longitude, p.latitude]) ?? [0, 0];
      const angle = (2 * Math.PI * i) / group.length;
      const r = group.length > 1 ? 12 : 0;
      markers.push({ ...p, x: Math.round((x + r * Math.cos(angle)) * 10) / 10, y: Math.round((y + r * Math.sin(angle)) * 10) / 10 });
    });
  }
  return { countryPaths, markers };
}
