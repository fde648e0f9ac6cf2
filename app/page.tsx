import { NearAnswerNote } from "@/components/near-answer";
import { NearBox } from "@/components/near-box";
import { SearchBox } from "@/components/search-box";
import { formatDistance } from "@/lib/present/geo";
import { listHospitals, listPlacesWithHospitals, type HospitalCard } from "@/lib/data/hospitals";
import { readListingRequest } from "@/lib/data/listing-request";
import { listPathways } from "@/lib/data/pathways";
import { listSarcomaGroups } from "@/lib/data/sarcomas";
import { hospitalsUrl, type RawParams } from "@/lib/params/search-params";

/** How many of the nearest hospitals the home page shows. */
const NEAREST = 5;

export default async function HomePage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const raw = await searchParams;
  const [places, groups, pathways] = await Promise.all([listPlacesWithHospitals(), listSarcomaGroups(), listPathways()]);
  // Only the near box's own fields are read here; the listing takes everything else.
  const request = raw.near ? await readListingRequest({ near: raw.near, tumor: raw.tumor }) : null;
  const nearest = request?.from ? await listHospitals({ ...request.filters, page: 1 }, NEAREST) : null;
  const tumor = request?.filters.tumor[0] ?? null;
  const tumorName = tumor ? groups.flatMap((g) => g.types).find((t) => t.slug === tumor)?.name : undefined;
  const homeUrl = (near: string) => `/?${new URLSearchParams({ near, ...(tumor ? { tumor } : {}) })}`;
  return (
    <>
      <h1 className="text-3xl font-bold">Find the hospitals that treat soft tissue sarcoma in children</h1>
      <p className="mt-3 max-w-2xl text-lg">
        If your child has just been diagnosed, this site can help you find specialist hospitals, compare them, and understand the treatment ahead. Every fact
        links to the public page it came from.
      </p>

      <NearBox id="home-near" action="/" defaultValue={request?.from?.label ?? request?.near?.asked}>
        <div>
          <label htmlFor="home-tumor" className="block font-semibold">
            Sarcoma type (if you know it)
          </label>
          <select id="home-tumor" name="tumor" defaultValue={tumor ?? ""} className="mt-1 w-full rounded border border-slate-500 bg-white px-3 py-2">
            <option value="">Any type</option>
            {groups.map((g) => (
              <optgroup key={g.group} label={g.label}>
                {g.types.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      </NearBox>
      {request?.near ? <NearAnswerNote answer={request.near} href={homeUrl} withoutDistances="Choose a place above to see the nearest hospitals." /> : null}
      {nearest && request ? <Nearest items={nearest.items} total={nearest.total} tumorName={tumorName} fullList={hospitalsUrl(request.filters)} /> : null}

      <SearchBox
        id="home-q"
        label="Or search hospitals by name, city or sarcoma type"
        action="/hospitals"
        placeholder="For example: Manchester, rhabdomyosarcoma"
      />

      <div className="mt-10 grid gap-8 md:grid-cols-3">
        <section aria-labelledby="by-place">
          <h2 id="by-place" className="text-xl font-semibold">
            Hospitals by place
          </h2>
          <ul className="mt-2 space-y-1">
            {places.countries.map((c) => (
              <li key={c.slug}>
                <a href={hospitalsUrl({ country: [c.slug] })}>{c.name}</a> ({c.count})
              </li>
            ))}
          </ul>
          <details className="mt-3">
            <summary className="cursor-pointer font-medium">All {places.cities.length} cities</summary>
            <ul className="mt-2 columns-2 space-y-1 text-sm">
              {places.cities.map((c) => (
                <li key={c.slug}>
                  <a href={hospitalsUrl({ city: [c.slug] })}>{c.name}</a> ({c.count})
                </li>
              ))}
            </ul>
          </details>
        </section>
        <section aria-labelledby="by-type">
          <h2 id="by-type" className="text-xl font-semibold">
            By sarcoma type
          </h2>
          {groups.map((g) => (
            <div key={g.group} className="mt-2">
              <h3 className="font-medium">{g.label}</h3>
              <ul className="space-y-1 text-sm">
                {g.types
                  .filter((t) => !t.parentSlug || g.group !== "rhabdomyosarcoma")
                  .map((t) => (
                    <li key={t.slug}>
                      <a href={`/sarcomas/${t.slug}`}>{t.name}</a>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
          <p className="mt-2 text-sm">
            <a href="/sarcomas">All sarcoma types</a>
          </p>
        </section>
        <section aria-labelledby="by-pathway">
          <h2 id="by-pathway" className="text-xl font-semibold">
            What treatment looks like
          </h2>
          <ul className="mt-2 space-y-2">
            {pathways.map((p) => (
              <li key={p.slug}>
                <a href={`/pathways/${p.slug}`}>{p.title}</a>
                <span className="block text-sm text-slate-700">{p.steps} steps, with questions to ask</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <a href="/treatments">All treatment options</a> · <a href="/glossary">Words explained</a>
          </p>
        </section>
      </div>
    </>
  );
}

/** The nearest few hospitals, with the sarcoma-type tiers of the listing, and the way to all of them. */
function Nearest({ items, total, tumorName, fullList }: { items: HospitalCard[]; total: number; tumorName?: string; fullList: string }) {
  return (
    <section aria-labelledby="nearest-heading" className="mt-4 max-w-2xl">
      <h2 id="nearest-heading" className="text-xl font-semibold">
        The {items.length} nearest {items.length === 1 ? "hospital" : "hospitals"}
        {tumorName ? ` for ${tumorName}` : ""}
      </h2>
      <ol className="mt-2 space-y-3">
        {items.map((h) => (
          <li key={h.slug} className="rounded-md border border-slate-300 p-3">
            <a href={`/hospitals/${h.slug}`} className="font-semibold">
              {h.name}
            </a>
            <span className="block text-sm">
              {h.city}, {h.country}
              {h.distanceKm !== null ? ` · ${formatDistance(h.distanceKm)} away${h.approximatePosition ? " (approximate)" : ""}` : ""}
            </span>
            {h.tier === 1 ? <span className="block text-sm text-slate-700">Its own pages name this type.</span> : null}
            {h.tier === 2 ? (
              <span className="block text-sm text-slate-700">
                Through {h.tierNetworks.map((n) => n.shortName).join(", ")}: a network whose source says its members treat this type.
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="mt-3">
        <a href={fullList}>See all {total} hospitals in order of distance</a>
      </p>
    </section>
  );
}
