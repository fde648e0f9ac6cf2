import type { Metadata } from "next";
import { Notices } from "@/components/notices";
import { HospitalCards } from "@/components/hospital-card";
import { HospitalFiltersForm } from "@/components/hospital-filters";
import { Pagination } from "@/components/pagination";
import { NearAnswerNote } from "@/components/near-answer";
import { getFilterNames, listHospitalPositions, listHospitals, suggestRelaxations, type HospitalCard as HospitalCardView } from "@/lib/data/hospitals";
import { describeResult } from "@/lib/present/listing-heading";
import { placeGroupLink } from "@/lib/present/map";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readListingRequest } from "@/lib/data/listing-request";
import { TrialsLink } from "@/components/trials-link";
import { lowerFirst } from "@/lib/present/format";
import { getTrialsCondition } from "@/lib/data/sarcomas";
import { TRIALS_DISTANCE_MILES, trialsSearchUrl } from "@/lib/params/trials";
import { hospitalQueryString, hospitalsUrl, type RawParams } from "@/lib/params/search-params";

export const metadata: Metadata = {
  title: "Hospitals that treat soft tissue sarcoma in children",
  description: "Filter specialist hospitals by city, country, sarcoma type and services, or list the nearest to your town, city or ZIP code.",
};

export default async function HospitalsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const vocab = await getFilterNames();
  const raw = await searchParams;
  // A GET form sends empty fields, any order and typed place names; send the parent to the
  // one canonical URL for this result set (unless there is something to say about it).
  const { filters, notices, near, from, canonical, redirect: move } = await readListingRequest(raw);
  if (move) redirect(`/hospitals${canonical}`);
  const listing = await listHospitals(filters);
  const heading = describeResult(listing.total, filters, vocab, from?.label ?? null);
  const relaxations = listing.total === 0 ? await suggestRelaxations(filters) : [];
  const positions = filters.view === "map" && listing.total > 0 ? await listHospitalPositions(filters) : [];
  // The map's outlines are a megabyte of geometry: load them only for a page that shows the map.
  const HospitalMap = positions.length > 0 ? (await import("@/components/hospital-map")).HospitalMap : null;
  // With one sarcoma type chosen, the trials link near the place searches for that type.
  const trials = from && filters.tumor.length === 1 ? await getTrialsCondition(filters.tumor[0]) : null;
  const pageBeyondEnd = listing.total > 0 && filters.page > listing.pageCount;

  const active = [
    ...(["tumor", "city", "country", "service"] as const).flatMap((key) =>
      filters[key].map((slug) => ({
        label: vocab[key].get(slug) ?? slug,
        href: hospitalsUrl({ ...filters, [key]: filters[key].filter((s) => s !== slug), page: 1 }),
      })),
    ),
    ...(filters.q ? [{ label: `Search: ${filters.q}`, href: hospitalsUrl({ ...filters, q: "", page: 1 }) }] : []),
    ...(from ? [{ label: `Distance from ${from.name}`, href: hospitalsUrl({ ...filters, near: null, sort: "name", page: 1 }) }] : []),
  ];
  const backQuery = hospitalQueryString(filters);

  return (
    <>
      <h1 className="text-3xl font-bold">Hospitals</h1>
      <p className="mt-2 max-w-2xl">
        Specialist centres that treat, or are part of the care for, children with soft tissue sarcoma. Choose a sarcoma type, place or service to narrow the
        list.
      </p>

      <Notices notices={notices} heading="Some of the link could not be used" footer="The results below leave those parts out." />
      {near ? <NearAnswerNote answer={near} href={(n) => hospitalsUrl({ ...filters, near: n, sort: "distance", page: 1 })} /> : null}

      <div className="mt-6 grid gap-6 md:grid-cols-[18rem_minmax(0,1fr)]">
        <div className="no-print">
          <HospitalFiltersForm
            filters={filters}
            facets={listing.facets}
            nearText={from?.label ?? (near ? near.asked : null)}
            nonce={(await headers()).get("x-nonce")}
          />
        </div>
        <section aria-labelledby="result-heading">
          <h2 id="result-heading" className="text-xl font-semibold" aria-live="polite">
            {heading}
          </h2>
          {filters.tumor.length > 0 ? (
            <p className="mt-1 text-sm text-slate-700">
              First come hospitals whose own pages name this type. Then come centres that belong to a network whose source says its members treat it (for
              example all children&apos;s cancers, or soft tissue sarcoma). The counts beside each type include both. Ask your child&apos;s care team where your
              child should be treated.
            </p>
          ) : null}
          {listing.pageCount > 1 ? (
            <p className="text-sm text-slate-700">
              Page {Math.min(filters.page, listing.pageCount)} of {listing.pageCount}
            </p>
          ) : null}
          <p className="no-print mt-2 text-sm">
            {filters.view === "map" ? (
              <a href={hospitalsUrl({ ...filters, view: "list" })}>Hide the map</a>
            ) : (
              <a href={hospitalsUrl({ ...filters, view: "map" })}>Show these hospitals on a map</a>
            )}
          </p>
          {HospitalMap ? <HospitalMap points={positions} heading={heading} groupLink={placeGroupLink(filters, vocab)} /> : null}
          {active.length > 0 ? (
            <div className="mt-3">
              <h3 className="sr-only">Filters in use</h3>
              <ul className="flex flex-wrap gap-2">
                {active.map((a) => (
                  <li key={a.href + a.label}>
                    <a href={a.href} className="inline-block rounded-full border border-brand-700 px-3 py-1 text-sm no-underline hover:bg-brand-50">
                      <span className="sr-only">Remove filter: </span>
                      {a.label} <span aria-hidden="true">×</span>
                    </a>
                  </li>
                ))}
                <li>
                  <a href="/hospitals" className="inline-block px-2 py-1 text-sm">
                    Clear all filters
                  </a>
                </li>
              </ul>
            </div>
          ) : null}

          {listing.total === 0 ? (
            <div className="mt-4 rounded-md border border-slate-300 p-4">
              <p className="font-semibold">No hospital in our directory matches all of these choices.</p>
              {relaxations.length > 0 ? (
                <>
                  <p className="mt-1">You could try:</p>
                  <ul className="mt-1 list-disc pl-6">
                    {relaxations.map((r) => (
                      <li key={r.label}>
                        <a href={hospitalsUrl(r.filters)}>
                          {r.label} ({r.count} {r.count === 1 ? "hospital" : "hospitals"})
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="mt-1">
                  <a href="/hospitals">See all hospitals</a>
                </p>
              )}
              <p className="mt-2 text-sm">
                Our sources do not list every hospital or service. Your child&apos;s care team can tell you about centres near you.
              </p>
            </div>
          ) : pageBeyondEnd ? (
            <p className="mt-4">
              There is no page {filters.page}. <a href={hospitalsUrl({ ...filters, page: 1 })}>Go to the first page</a>.
            </p>
          ) : (
            <>
              <form id="compare-form" action="/compare" method="get" className="no-print mt-3 flex flex-wrap items-center gap-3 text-sm">
                {filters.near ? <input type="hidden" name="near" value={filters.near} /> : null}
                <span>Tick up to four hospitals to see them side by side.</span>
                <button type="submit" className="rounded border border-brand-700 px-3 py-1 font-semibold text-brand-800 hover:bg-brand-50">
                  Compare selected
                </button>
              </form>
              {tierGroups(listing.items).map((group) => (
                <section key={group.tier ?? "all"} aria-labelledby={group.tier ? `tier-${group.tier}` : undefined}>
                  {group.tier ? (
                    <h3 id={`tier-${group.tier}`} className="mt-6 text-lg font-semibold">
                      {group.tier === 1 ? "Their own pages name this type" : "Through a network that covers this type"}
                    </h3>
                  ) : null}
                  {group.tier === 2 ? (
                    <p className="mt-1 text-sm text-slate-700">
                      Our sources for these centres do not name the type. Each belongs to a network whose source says its members treat it; each card says
                      which.
                    </p>
                  ) : null}
                  <HospitalCards items={group.items} backQuery={backQuery} />
                </section>
              ))}
            </>
          )}
          <Pagination page={filters.page} pageCount={listing.pageCount} href={(page) => hospitalsUrl({ ...filters, page })} />
          {listing.total > 0 ? (
            <p className="no-print mt-6 text-sm">
              Download these hospitals: <a href={`/hospitals.csv${hospitalQueryString({ ...filters, page: 1, view: "list" })}`}>spreadsheet (CSV)</a> ·{" "}
              <a href={`/api/hospitals${hospitalQueryString({ ...filters, page: 1, view: "list" })}`}>JSON</a>
            </p>
          ) : null}
          {from ? (
            <TrialsLink
              id="trials"
              level={3}
              href={trialsSearchUrl(trials?.condition, { ...from, kind: "near" })}
              label={`${trials ? lowerFirst(trials.name) : "soft tissue sarcoma"}, within ${TRIALS_DISTANCE_MILES} miles of ${from.name}`}
            />
          ) : null}
        </section>
      </div>
    </>
  );
}

/** A page of cards, split where the sarcoma-type tier changes (one group when no type is chosen). */
function tierGroups(items: HospitalCardView[]): { tier: HospitalCardView["tier"]; items: HospitalCardView[] }[] {
  const groups: { tier: HospitalCardView["tier"]; items: HospitalCardView[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.tier === item.tier) last.items.push(item);
    else groups.push({ tier: item.tier, items: [item] });
  }
  return groups;
}
