import { formatDate, lowerFirst } from "@/lib/present/format";
import { formatDistance } from "@/lib/present/geo";
import type { HospitalCard as Card } from "@/lib/data/hospitals";

export function HospitalCard({ h, backQuery }: { h: Card; backQuery: string }) {
  return (
    <article className="rounded-md border border-slate-300 p-4" aria-labelledby={`h-${h.slug}`}>
      <h3 id={`h-${h.slug}`} className="text-lg font-semibold">
        <a href={`/hospitals/${h.slug}${backQuery}`}>{h.name}</a>
      </h3>
      <p className="text-sm text-slate-700">{[`${h.city}, ${h.country}`, h.kind].filter(Boolean).join(" · ")}</p>
      {h.distanceKm !== null ? (
        <p className="mt-1 text-sm font-medium">
          {`${formatDistance(h.distanceKm)} away${h.approximatePosition ? " (approximate: measured from the city centre, as our sources give no exact position)" : ""}`}
        </p>
      ) : null}
      <p className="mt-2">{h.summary}</p>
      {h.tier === 2 ? (
        <p className="mt-2 rounded bg-slate-100 px-2 py-1 text-sm">
          {h.tierNetworks.map((n, i) => (
            <span key={n.slug}>
              {i > 0 ? " " : ""}
              Counts through <a href={`/networks/${n.slug}`}>{n.shortName}</a>
              {n.scopeText ? `: ${lowerFirst(n.scopeText.replace(/\.$/, ""))}.` : "."}
            </span>
          ))}
        </p>
      ) : null}
      <dl className="mt-2 text-sm">
        {h.networks.length ? (
          <div>
            <dt className="inline font-semibold">Networks: </dt>
            <dd className="inline">{h.networks.map((n) => n.shortName).join(", ")}</dd>
          </div>
        ) : null}
        <div>
          <dt className="inline font-semibold">Sarcoma types its pages name: </dt>
          <dd className="inline">{h.sarcomaTypes.length ? h.sarcomaTypes.join(", ") : "not listed in our sources"}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Services listed: </dt>
          <dd className="inline">{h.services.length ? h.services.join(", ") : "not listed in our sources"}</dd>
        </div>
      </dl>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-700">{`Last reviewed ${formatDate(h.reviewed)}`}</p>
        <label className="no-print flex items-center gap-2 text-sm">
          <input type="checkbox" name="h" value={h.slug} form="compare-form" className="size-4" />
          Compare<span className="sr-only">{` ${h.name}`}</span>
        </label>
      </div>
    </article>
  );
}
