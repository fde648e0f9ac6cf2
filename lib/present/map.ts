import "server-only";
import { geoBounds, geoMercator, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { hospitalsUrl, type HospitalFilters } from "../params/search-params";
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

/** A country's outline with its bounds in degrees ([west, south], [east, north]; west > east across the antimeridian). */
export type Country = { feature: Feature<Geometry>; bounds: [[number, number], [number, number]] };
const cache = new Map<unknown, Country[]>();
function getCountries(atlas: unknown): Country[] {
  let countries = cache.get(atlas);
  if (!countries) {
    const topology = atlas as Topology<{ countries: GeometryCollection }>;
    countries = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry>).features.map((f) => ({ feature: f, bounds: geoBounds(f) }));
    cache.set(atlas, countries);
  }
  return countries;
}

/**
 * The countries that can show in the view: those whose bounds meet the view's own. The
 * others would be clipped away to nothing, and projecting them was most of a map's cost
 * (a country's map projected every outline of the 1:50m atlas). Conservative: an outline
 * across the antimeridian, or a view wider than the world, keeps everything.
 */
export function inView(countries: Country[], projection: GeoProjection): Country[] {
  const topLeft = projection.invert?.([0, 0]);
  const bottomRight = projection.invert?.([MAP_WIDTH, MAP_HEIGHT]);
  if (!topLeft || !bottomRight) return countries;
  const [west, north] = topLeft;
  const [east, south] = bottomRight;
  if (west < -180 || east > 180 || west >= east) return countries;
  return countries.filter(({ bounds: [[w, s], [e, n]] }) => w > e || (w <= east && e >= west && s <= north && n >= south));
}
export type MapPoint = {
  slug: string;
  name: string;
  city: string;
  citySlug: string;
  countrySlug: string;
  latitude: number;
  longitude: number;
  approximate: boolean;
};
export type MapMarker = MapPoint & { x: number; y: number };
/** Hospitals whose markers would overlap, drawn as one counted marker that links to their listing. */
export type MapGroup = { x: number; y: number; count: number; label: string; href: string };
export type MapView = { countryPaths: string[]; markers: MapMarker[]; groups: MapGroup[] };

/** Markers closer than this (in the 800 x 500 view) would overlap. */
const GROUP_RADIUS = 16;

/**
 * Where a group of overlapping hospitals links: the listing filtered to their place. `null`
 * means the view already is that place (a city's own map), so its hospitals are drawn one by one.
 */
export type GroupLink = (members: MapPoint[]) => { href: string; label: string } | null;

/** The projection fitted around the points (a lone city gets a few degrees around it), and the atlas for its scale. */
export function viewOf(points: MapPoint[]): { projection: GeoProjection; countries: Country[] } {
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
  const wide = corners[1][0] - corners[0][0] > WIDE_SPAN_DEGREES || corners[1][1] - corners[0][1] > WIDE_SPAN_DEGREES;
  return { projection, countries: getCountries(wide ? coarse : detailed) };
}

/** Projects the points into a view fitted around them (viewOf), with the outlines that show in it. */
export function renderMap(points: MapPoint[], groupLink?: GroupLink): MapView {
  if (points.length === 0) return { countryPaths: [], markers: [], groups: [] };
  const { projection, countries } = viewOf(points);
  const path = geoPath(projection).digits(0);
  const countryPaths = inView(countries, projection)
    .map((c) => path(c.feature))
    .filter((d): d is string => Boolean(d) && d !== "");

  // Greedy clustering in screen space, busiest places first: each point joins the first
  // cluster whose centre is within reach, so a cluster never spans more than twice the radius.
  const projected = points.map((p) => {
    const [x, y] = projection([p.longitude, p.latitude]) ?? [0, 0];
    return { p, x, y };
  });
  const clusters: { x: number; y: number; members: typeof projected }[] = [];
  for (const q of projected) {
    const near = groupLink ? clusters.find((c) => Math.hypot(c.x - q.x, c.y - q.y) < GROUP_RADIUS) : undefined;
    if (near) near.members.push(q);
    else clusters.push({ x: q.x, y: q.y, members: [q] });
  }

  const markers: MapMarker[] = [];
  const groups: MapGroup[] = [];
  const round = (n: number) => Math.round(n * 10) / 10;
  for (const c of clusters) {
    const link = c.members.length > 1 && groupLink ? groupLink(c.members.map((m) => m.p)) : null;
    if (link) {
      const x = c.members.reduce((t, m) => t + m.x, 0) / c.members.length;
      const y = c.members.reduce((t, m) => t + m.y, 0) / c.members.length;
      groups.push({ x: round(x), y: round(y), count: c.members.length, ...link });
      continue;
    }
    // Hospitals at (nearly) one place are spread on a small ring so each can be chosen.
    c.members.forEach((m, i) => {
      const angle = (2 * Math.PI * i) / c.members.length;
      const r = c.members.length > 1 ? 12 : 0;
      markers.push({ ...m.p, x: round(m.x + r * Math.cos(angle)), y: round(m.y + r * Math.sin(angle)) });
    });
  }
  return { countryPaths, markers, groups };
}

/**
 * The listing a group of overlapping markers links to: their city, or their country, or
 * their cities, keeping the other filters. `null` when that is the view already shown.
 */
export function placeGroupLink(filters: HospitalFilters, names: { city: ReadonlyMap<string, string>; country: ReadonlyMap<string, string> }): GroupLink {
  return (members) => {
    const cities = [...new Set(members.map((m) => m.citySlug))].sort();
    const countries = [...new Set(members.map((m) => m.countrySlug))].sort();
    const place: Pick<HospitalFilters, "city" | "country"> =
      cities.length === 1 ? { city: cities, country: [] } : countries.length === 1 ? { city: [], country: countries } : { city: cities, country: [] };
    const same = (a: string[], b: string[]) => [...a].sort().join("\n") === [...b].sort().join("\n");
    if (same(place.city, filters.city) && same(place.country, filters.country)) return null;
    const where =
      cities.length === 1
        ? (names.city.get(cities[0]) ?? cities[0])
        : countries.length === 1
          ? (names.country.get(countries[0]) ?? countries[0])
          : `${cities.length} cities`;
    return {
      href: hospitalsUrl({ ...filters, ...place, page: 1, view: "map" }),
      label: `${members.length} hospitals in ${where}: show them`,
    };
  };
}
