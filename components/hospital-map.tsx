import { MAP_HEIGHT, MAP_WIDTH, renderMap, type MapPoint } from "@/lib/map";

/** The results on a map: an SVG drawn on the server, each marker a named link. */
export function HospitalMap({ points, heading }: { points: MapPoint[]; heading: string }) {
  const { countryPaths, markers } = renderMap(points);
  if (markers.length === 0) return null;
  const approximate = markers.filter((m) => m.approximate).length;
  return (
    <figure className="mt-4 rounded-md border border-slate-300 p-2">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="h-auto w-full bg-sky-50" aria-labelledby="map-caption">
        <g fill="#e2e8f0" stroke="#64748b" strokeWidth={0.5} aria-hidden="true">
          {countryPaths.map((d, i) => (
            <path key={i} d={d} />
          ))}
        </g>
        {markers.map((m) => (
          <a key={m.slug} href={`/hospitals/${m.slug}`} aria-label={`${m.name}, ${m.city}${m.approximate ? " (approximate position)" : ""}`} className="map-marker">
            <title>{`${m.name}, ${m.city}`}</title>
            <circle cx={m.x} cy={m.y} r={7} fill={m.approximate ? "#ffffff" : "#1d4f7a"} stroke="#1d4f7a" strokeWidth={2.5} />
          </a>
        ))}
      </svg>
      <figcaption id="map-caption" className="mt-2 text-sm text-slate-700">
        Map of {heading.charAt(0).toLowerCase() + heading.slice(1)}. Filled circles are hospitals&apos; own positions
        {approximate ? `; ${approximate} hollow ${approximate === 1 ? "circle marks a hospital" : "circles mark hospitals"} placed at the city centre, as our sources give no exact position` : ""}. Each circle links to the hospital. Map data: Natural Earth.
      </figcaption>
    </figure>
  );
}
