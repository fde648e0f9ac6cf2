import { MAP_HEIGHT, MAP_WIDTH, renderMap, type GroupLink, type MapPoint } from "@/lib/present/map";

/**
 * The results on a map: an SVG drawn on the server, each marker a named link. Markers that
 * would overlap are one counted marker linking to the listing for that place.
 */
export function HospitalMap({ points, heading, groupLink }: { points: MapPoint[]; heading: string; groupLink?: GroupLink }) {
  const { countryPaths, markers, groups } = renderMap(points, groupLink);
  if (markers.length === 0 && groups.length === 0) return null;
  const approximate = markers.filter((m) => m.approximate).length;
  return (
    <figure className="mt-4 rounded-md border border-slate-300 p-2">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="h-auto w-full bg-sky-50" aria-labelledby="map-caption">
        <g fill="#e2e8f0" stroke="#64748b" strokeWidth={0.5} aria-hidden="true">
          {countryPaths.map((d, i) => (
            <path key={i} d={d} />
          ))}
        </g>
        {groups.map((g) => (
          <a key={g.href} href={g.href} aria-label={g.label} className="map-group" data-count={g.count}>
            <title>{g.label}</title>
            <circle cx={g.x} cy={g.y} r={13} fill="#1d4f7a" stroke="#ffffff" strokeWidth={2} />
            <text x={g.x} y={g.y} dy="0.35em" textAnchor="middle" fontSize={g.count > 99 ? 10 : 12} fontWeight={700} fill="#ffffff" aria-hidden="true">
              {g.count}
            </text>
          </a>
        ))}
        {markers.map((m) => (
          <a
            key={m.slug}
            href={`/hospitals/${m.slug}`}
            aria-label={`${m.name}, ${m.city}${m.approximate ? " (approximate position)" : ""}`}
            className="map-marker"
          >
            <title>{`${m.name}, ${m.city}`}</title>
            <circle cx={m.x} cy={m.y} r={7} fill={m.approximate ? "#ffffff" : "#1d4f7a"} stroke="#1d4f7a" strokeWidth={2.5} />
          </a>
        ))}
      </svg>
      <figcaption id="map-caption" className="mt-2 text-sm text-slate-700">
        Map of {heading.charAt(0).toLowerCase() + heading.slice(1)}. Filled circles are hospitals&apos; own positions
        {approximate
          ? `; ${approximate} hollow ${approximate === 1 ? "circle marks a hospital" : "circles mark hospitals"} placed at the city centre, as our sources give no exact position`
          : ""}
        . Each circle links to the hospital
        {groups.length ? "; a circle with a number stands for that many hospitals close together and links to their list" : ""}. Map data: Natural Earth.
      </figcaption>
    </figure>
  );
}
