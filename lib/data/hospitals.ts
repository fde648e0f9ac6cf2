import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { prisma } from "./db";
import { positionOf, type LatLng } from "../present/geo";
import { buildHospitalIndex, byDistance, FACETS, networksFor, queryIndex, tierOf, type Facet, type HospitalIndex, type Tier } from "./hospital-index";
import type { MapPoint } from "../present/map";
import { once, recentAnswers, recentBatch } from "./memo";
import { resolveNear } from "./near";
import { NO_FILTERS, PAGE_SIZE, type HospitalFilters, type Vocabulary } from "../params/search-params";


// The store is read-only while a server runs (a content build writes a new file, which a
// restarted server opens), so what every listing needs is read once per process: the
// filter vocabulary and a compact index of all hospitals. Each listing is then one pass
// over that index plus one query for its page of cards, and recent listings are kept.

export type NetworkSummary = { slug: string; name: string; shortName: string; scopeText: string | null };

type FilterNames = Vocabulary & {
  parentType: ReadonlyMap<string, string>;
  /** Each country's ISO code, by slug: a typed place in a chosen country is offered first. */
  countryCode: ReadonlyMap<string, string>;
  /** Every network, and the sarcoma types each one's scope covers (the second tier). */
  networks: ReadonlyMap<string, NetworkSummary>;
  networkSarcomas: ReadonlyMap<string, readonly string[]>;
};

/** The slugs and names each listing filter can take, straight from the store. */
export const getFilterNames = once("filter-names", async (): Promise<FilterNames> => {
  const [cities, countries, sarcomaTypes, services, networks] = await Promise.all([
    prisma.city.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    prisma.country.findMany({ select: { slug: true, name: true, code: true }, orderBy: { name: "asc" } }),
    prisma.sarcomaType.findMany({ select: { slug: true, name: true, parentSlug: true }, orderBy: { name: "asc" } }),
    prisma.service.findMany({ select: { slug: true, name: true }, orderBy: { position: "asc" } }),
    prisma.network.findMany({
      select: { slug: true, name: true, shortName: true, scopeText: true, sarcomaTypes: { select: { sarcomaSlug: true } } },
      orderBy: { position: "asc" },
    }),
  ]);
  const map = (rows: { slug: string; name: string }[]) => new Map(rows.map((r) => [r.slug, r.name]));
  return {
    city: map(cities),
    country: map(countries),
    tumor: map(sarcomaTypes),
    service: map(services),
    parentType: new Map(sarcomaTypes.flatMap((s) => (s.parentSlug ? [[s.slug, s.parentSlug] as const] : []))),
    countryCode: new Map(countries.map((c) => [c.slug, c.code])),
    networks: new Map(networks.map(({ sarcomaTypes: _, ...n }) => [n.slug, n])),
    networkSarcomas: new Map(networks.filter((n) => n.sarcomaTypes.length).map((n) => [n.slug, n.sarcomaTypes.map((s) => s.sarcomaSlug)])),
  };
});

/** Every hospital, as the listing's filters and orders see it. */
const getIndex = once("hospital-index", async (): Promise<HospitalIndex> => {
  const [vocab, rows] = await Promise.all([
    getFilterNames(),
    prisma.hospital.findMany({
      select: {
        slug: true,
        name: true,
        citySlug: true,
        latitude: true,
        longitude: true,
        searchText: true,
        city: { select: { countrySlug: true, latitude: true, longitude: true } },
        sarcomaTypes: { select: { sarcomaSlug: true } },
        services: { select: { serviceSlug: true }, where: { available: true } },
        networks: { select: { networkSlug: true } },
      },
    }),
  ]);
  return buildHospitalIndex(
    rows.map((h) => {
      const pos = positionOf(h);
      return {
        slug: h.slug,
        name: h.name,
        citySlug: h.citySlug,
        countrySlug: h.city.countrySlug,
        sarcomaTypes: h.sarcomaTypes.map((s) => s.sarcomaSlug),
        networkSarcomas: new Map(
          h.networks.flatMap((n) => {
            const types = vocab.networkSarcomas.get(n.networkSlug);
            return types ? [[n.networkSlug, types] as const] : [];
          }),
        ),
        services: h.services.map((s) => s.serviceSlug),
        searchText: h.searchText.toLowerCase(),
        position: pos.at,
        approximate: pos.approximate,
      };
    }),
    vocab.parentType,
    [...vocab.tumor.keys()],
  );
});

export type FacetOption = { slug: string; name: string; count: number; selected: boolean };

export type HospitalCard = {
  slug: string;
  name: string;
  shortName: string;
  kind: string | null;
  city: string;
  citySlug: string;
  country: string;
  countrySlug: string;
  summary: string;
  sarcomaTypes: string[];
  sarcomaTypeSlugs: string[];
  services: string[];
  serviceSlugs: string[];
  website: string | null;
  phone: { value: string; unverified: boolean } | null;
  reviewed: string;
  nextReview: string;
  latitude: number;
  longitude: number;
  distanceKm: number | null;
  approximatePosition: boolean;
  /** With a sarcoma type chosen: 1 if its own pages name it, 2 if it counts through a network. */
  tier: Tier | null;
  /** For the second tier, the networks that give it, with what their sources say members treat. */
  tierNetworks: NetworkSummary[];
  networks: { slug: string; shortName: string }[];
};

export type HospitalListing = {
  total: number;
  page: number;
  pageCount: number;
  items: HospitalCard[];
  facets: Record<Facet, FacetOption[]>;
};

const cardSelect = {
  slug: true,
  name: true,
  shortName: true,
  kind: true,
  summary: true,
  reviewed: true,
  nextReview: true,
  city: { select: { slug: true, name: true, country: { select: { slug: true, name: true } } } },
  sarcomaTypes: { select: { sarcoma: { select: { slug: true, name: true } } }, orderBy: { sarcoma: { position: "asc" } } },
  services: { select: { service: { select: { slug: true, name: true } } }, where: { available: true }, orderBy: { service: { position: "asc" } } },
  networks: { select: { network: { select: { slug: true, shortName: true, position: true } } } },
  fields: { select: { key: true, value: true, unverified: true }, where: { key: { in: ["website", "phone"] } } },
} satisfies Prisma.HospitalSelect;


// Listings served recently, by their filters: a popular link (all hospitals, one city)
// is worked out once, not on every visit. Only page-sized listings are kept, and only so
// many: a page of cards is tens of kilobytes, and with "near" any town the distinct
// listings are countless (500 of them filled the server's heap). The page cache in front
// (lib/server/render-cache.ts) keeps the rendered pages themselves.
// What is kept is compact: each facet's counts in vocabulary order, not one option object
// per city (there are hundreds), which are made again for each answer.
type KeptListing = Omit<HospitalListing, "facets"> & { facetCounts: Record<Facet, Uint32Array> };
const recentListing = recentAnswers<KeptListing>("hospital-listings", 100);

const DETAILS_PER_QUERY = 500;

type CardRow = Prisma.HospitalGetPayload<{ select: typeof cardSelect }>;
// A card's own row does not depend on the filters, and the same hospitals come up in many
// listings: kept by slug, a listing the cache has not seen asks the store only for the
// hospitals no recent listing showed (the query and its relations were about a tenth of a
// cold listing's time).
const recentCards = recentBatch<CardRow>("hospital-cards", 2_000);

/** The card rows of these hospitals, by slug: kept ones from memory, the rest from the store in batches. */
async function cardRows(slugs: string[]): Promise<Map<string, CardRow>> {
  return recentCards(slugs, async (missing) => {
    const rows = new Map<string, CardRow>();
    for (let i = 0; i < missing.length; i += DETAILS_PER_QUERY) {
      const batch = await prisma.hospital.findMany({ where: { slug: { in: missing.slice(i, i + DETAILS_PER_QUERY) } }, select: cardSelect });
      for (const row of batch) rows.set(row.slug, row);
    }
    return rows;
  });
}

/** The listing: one page of hospitals for these filters, the total, and the facet counts. */
export async function listHospitals(f: HospitalFilters, pageSize = PAGE_SIZE): Promise<HospitalListing> {
  const kept = pageSize > PAGE_SIZE ? await computeListing(f, pageSize) : await recentListing(JSON.stringify([f, pageSize]), () => computeListing(f, pageSize));
  const vocab = await getFilterNames();
  const { facetCounts, ...rest } = kept;
  const options = (facet: Facet): FacetOption[] =>
    [...vocab[facet]].map(([slug, name], i) => ({ slug, name, count: facetCounts[facet][i], selected: f[facet].includes(slug) }));
  return { ...rest, facets: { city: options("city"), country: options("country"), tumor: options("tumor"), service: options("service") } };
}

async function computeListing(f: HospitalFilters, pageSize: number): Promise<KeptListing> {
  const [vocab, index] = await Promise.all([getFilterNames(), getIndex()]);
  const { matches, counts } = queryIndex(index, f);
  const near = f.near ? await nearPosition(f.near) : null;
  const from = (f.page - 1) * pageSize;
  const ordered =
    f.sort === "distance" && near
      ? byDistance(matches, near, (e) => tierOf(e, f.tumor) ?? 0)
          .slice(from, from + pageSize)
          .map(({ item, km }) => ({ entry: item, km }))
      : matches.slice(from, from + pageSize).map((entry) => ({ entry, km: null }));

  const bySlug = await cardRows(ordered.map((o) => o.entry.slug));

  const facetCounts = Object.fromEntries(
    FACETS.map((facet) => [facet, Uint32Array.from([...vocab[facet].keys()], (slug) => counts[facet].get(slug) ?? 0)]),
  ) as Record<Facet, Uint32Array>;
  return {
    total: matches.length,
    page: f.page,
    pageCount: Math.max(1, Math.ceil(matches.length / pageSize)),
    facetCounts,
    items: ordered.map(({ entry, km }) => {
      const h = bySlug.get(entry.slug)!;
      const website = h.fields.find((x) => x.key === "website");
      const phone = h.fields.find((x) => x.key === "phone");
      return {
        slug: h.slug,
        name: h.name,
        shortName: h.shortName,
        kind: h.kind,
        city: h.city.name,
        citySlug: h.city.slug,
        country: h.city.country.name,
        countrySlug: h.city.country.slug,
        summary: h.summary,
        sarcomaTypes: h.sarcomaTypes.map((s) => s.sarcoma.name),
        sarcomaTypeSlugs: h.sarcomaTypes.map((s) => s.sarcoma.slug),
        services: h.services.map((s) => s.service.name),
        serviceSlugs: h.services.map((s) => s.service.slug),
        website: website?.value ?? null,
        phone: phone ? { value: phone.value, unverified: phone.unverified } : null,
        reviewed: h.reviewed,
        nextReview: h.nextReview,
        latitude: entry.position.latitude,
        longitude: entry.position.longitude,
        distanceKm: km,
        approximatePosition: entry.approximate,
        tier: tierOf(entry, f.tumor),
        tierNetworks: tierOf(entry, f.tumor) === 2 ? networksFor(entry, f.tumor).flatMap((n) => vocab.networks.get(n) ?? []) : [],
        networks: [...h.networks].sort((a, b) => a.network.position - b.network.position).map(({ network: { slug, shortName } }) => ({ slug, shortName })),
      };
    }),
  };
}

/** Where a canonical `near` value (a city, place or ZIP code) is, or null if it names none. */
async function nearPosition(near: string): Promise<LatLng | null> {
  const answer = await resolveNear(near);
  return answer.status === "found" ? answer.place : null;
}

/** Where every matching hospital is, for the map (own position, or its city's, marked approximate). */
export async function listHospitalPositions(f: HospitalFilters): Promise<MapPoint[]> {
  const [vocab, index] = await Promise.all([getFilterNames(), getIndex()]);
  return queryIndex(index, f).matches.map((h) => ({
    slug: h.slug,
    name: h.name,
    city: vocab.city.get(h.citySlug) ?? h.citySlug,
    citySlug: h.citySlug,
    countrySlug: h.countrySlug,
    ...h.position,
    approximate: h.approximate,
  }));
}

/** Cities and countries that have at least one hospital, with counts: the home page's ways in. */
export async function listPlacesWithHospitals(): Promise<{
  cities: { slug: string; name: string; country: string; count: number }[];
  countries: { slug: string; name: string; count: number }[];
}> {
  const cities = await prisma.city.findMany({
    select: { slug: true, name: true, country: { select: { slug: true, name: true } }, _count: { select: { hospitals: true } } },
    orderBy: { name: "asc" },
  });
  const withHospitals = cities.filter((c) => c._count.hospitals > 0);
  const countries = new Map<string, { slug: string; name: string; count: number }>();
  for (const c of withHospitals) {
    const entry = countries.get(c.country.slug) ?? { slug: c.country.slug, name: c.country.name, count: 0 };
    entry.count += c._count.hospitals;
    countries.set(c.country.slug, entry);
  }
  return {
    cities: withHospitals.map((c) => ({ slug: c.slug, name: c.name, country: c.country.name, count: c._count.hospitals })),
    countries: [...countries.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export type Relaxation = { label: string; filters: HospitalFilters; count: number };

/** For an empty result: what each single filter's removal would bring back. */
export async function suggestRelaxations(f: HospitalFilters): Promise<Relaxation[]> {
  const vocab = await getFilterNames();
  const candidates: { label: string; filters: HospitalFilters }[] = [];
  for (const key of ["tumor", "city", "country", "service"] as const) {
    for (const slug of f[key]) {
      candidates.push({
        label: `without “${vocab[key].get(slug) ?? slug}”`,
        filters: { ...f, [key]: f[key].filter((s) => s !== slug), page: 1 },
      });
    }
  }
  if (f.q) candidates.push({ label: `without the search “${f.q}”`, filters: { ...f, q: "", page: 1 } });
  const index = await getIndex();
  return candidates
    .map((c) => ({ ...c, count: queryIndex(index, c.filters).matches.length }))
    .filter((c) => c.count > 0);
}

export type TypeTiers = { named: number; throughNetworks: number; networks: (NetworkSummary & { count: number })[] };

/** For a sarcoma type's page: how many centres count for it in each tier, by the listing's own rule. */
export async function countHospitalsForType(tumor: string): Promise<TypeTiers> {
  const [vocab, index] = await Promise.all([getFilterNames(), getIndex()]);
  const f: HospitalFilters = { ...NO_FILTERS, tumor: [tumor] };
  const byNetwork = new Map<string, number>();
  let named = 0;
  let throughNetworks = 0;
  for (const e of queryIndex(index, f).matches) {
    if (tierOf(e, f.tumor) === 1) named++;
    else {
      throughNetworks++;
      for (const n of networksFor(e, f.tumor)) byNetwork.set(n, (byNetwork.get(n) ?? 0) + 1);
    }
  }
  return {
    named,
    throughNetworks,
    networks: [...byNetwork].flatMap(([slug, count]) => {
      const n = vocab.networks.get(slug);
      return n ? [{ ...n, count }] : [];
    }),
  };
}
