import "server-only";
import { cache } from "react";
import type { Prisma } from "../generated/prisma/client";
import { prisma } from "./db";
import { lowerFirst } from "./format";
import { distanceKm, type LatLng } from "./geo";
import type { MapPoint } from "./map";
import { PAGE_SIZE, type HospitalFilters, type Vocabulary } from "./search-params";


/** The slugs and names each listing filter can take, straight from the store. */
export const getVocabulary = cache(async (): Promise<Vocabulary & { tumorParent: ReadonlyMap<string, string> }> => {
  const [cities, countries, sarcomas, services] = await Promise.all([
    prisma.city.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    prisma.country.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    prisma.sarcomaType.findMany({ select: { slug: true, name: true, parentSlug: true }, orderBy: { name: "asc" } }),
    prisma.service.findMany({ select: { slug: true, name: true }, orderBy: { position: "asc" } }),
  ]);
  const map = (rows: { slug: string; name: string }[]) => new Map(rows.map((r) => [r.slug, r.name]));
  return {
    city: map(cities),
    country: map(countries),
    tumor: map(sarcomas),
    service: map(services),
    tumorParent: new Map(sarcomas.flatMap((s) => (s.parentSlug ? [[s.slug, s.parentSlug] as const] : []))),
  };
});

type Facet = "city" | "country" | "tumor" | "service";

/** A hospital listed as treating a group (rhabdomyosarcoma) counts for each type in it. */
function tumorMatches(tumors: string[], parent: ReadonlyMap<string, string>): string[] {
  return [...new Set(tumors.flatMap((t) => (parent.has(t) ? [t, parent.get(t)!] : [t])))];
}

function searchWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

function whereFor(f: HospitalFilters, parent: ReadonlyMap<string, string>, omit?: Facet): Prisma.HospitalWhereInput {
  const and: Prisma.HospitalWhereInput[] = [];
  if (omit !== "city" && f.city.length) and.push({ citySlug: { in: f.city } });
  if (omit !== "country" && f.country.length) and.push({ city: { countrySlug: { in: f.country } } });
  if (omit !== "tumor" && f.tumor.length) {
    and.push({ sarcomas: { some: { sarcomaSlug: { in: tumorMatches(f.tumor, parent) } } } });
  }
  if (omit !== "service") for (const s of f.service) and.push({ services: { some: { serviceSlug: s } } });
  for (const w of searchWords(f.q)) and.push({ searchText: { contains: w } });
  return and.length ? { AND: and } : {};
}

export type FacetOption = { slug: string; name: string; count: number; selected: boolean };

export type HospitalCard = {
  slug: string;
  name: string;
  shortName: string;
  kind: string;
  city: string;
  citySlug: string;
  country: string;
  countrySlug: string;
  summary: string;
  treats: string[];
  treatSlugs: string[];
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
};

export type HospitalListing = {
  total: number;
  page: number;
  pageCount: number;
  items: HospitalCard[];
  nearCity: string | null;
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
  latitude: true,
  longitude: true,
  city: { select: { slug: true, name: true, latitude: true, longitude: true, country: { select: { slug: true, name: true } } } },
  sarcomas: { select: { sarcoma: { select: { slug: true, name: true } } }, orderBy: { sarcoma: { position: "asc" } } },
  services: { select: { service: { select: { slug: true, name: true } } }, orderBy: { service: { position: "asc" } } },
  fields: { select: { key: true, value: true, unverified: true }, where: { key: { in: ["website", "phone"] } } },
} satisfies Prisma.HospitalSelect;

/** Where a hospital is: its own coordinates, or its city's (approximate). */
function positionOf(h: { latitude: number | null; longitude: number | null; city: LatLng }): {
  at: LatLng;
  approximate: boolean;
} {
  return h.latitude !== null && h.longitude !== null
    ? { at: { latitude: h.latitude, longitude: h.longitude }, approximate: false }
    : { at: h.city, approximate: true };
}

/** The listing: one page of hospitals for these filters, the total, and the facet counts. */
export async function listHospitals(f: HospitalFilters, pageSize = PAGE_SIZE): Promise<HospitalListing> {
  const vocab = await getVocabulary();
  const where = whereFor(f, vocab.tumorParent);

  const nearCity = f.near
    ? await prisma.city.findUnique({ where: { slug: f.near }, select: { name: true, latitude: true, longitude: true } })
    : null;

  let total: number;
  let rows: Prisma.HospitalGetPayload<{ select: typeof cardSelect }>[];
  let distances = new Map<string, number>();
  if (f.sort === "distance" && nearCity) {
    // Distance order needs every match's position; the page's details are fetched after.
    const all = await prisma.hospital.findMany({
      where,
      select: { slug: true, name: true, latitude: true, longitude: true, city: { select: { latitude: true, longitude: true } } },
    });
    total = all.length;
    distances = new Map(all.map((h) => [h.slug, distanceKm(nearCity, positionOf(h).at)]));
    const ordered = all
      .sort((a, b) => distances.get(a.slug)! - distances.get(b.slug)! || a.name.localeCompare(b.name))
      .slice((f.page - 1) * pageSize, f.page * pageSize)
      .map((h) => h.slug);
    const details = await prisma.hospital.findMany({ where: { slug: { in: ordered } }, select: cardSelect });
    const bySlug = new Map(details.map((d) => [d.slug, d]));
    rows = ordered.map((s) => bySlug.get(s)!);
  } else {
    [total, rows] = await Promise.all([
      prisma.hospital.count({ where }),
      prisma.hospital.findMany({
        where,
        select: cardSelect,
        orderBy: [{ name: "asc" }, { slug: "asc" }],
        skip: (f.page - 1) * pageSize,
        take: pageSize,
      }),
    ]);
  }

  const facets = await facetCounts(f, vocab);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return {
    total,
    page: f.page,
    pageCount,
    nearCity: nearCity?.name ?? null,
    facets,
    items: rows.map((h) => {
      const pos = positionOf(h);
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
        treats: h.sarcomas.map((s) => s.sarcoma.name),
        treatSlugs: h.sarcomas.map((s) => s.sarcoma.slug),
        services: h.services.map((s) => s.service.name),
        serviceSlugs: h.services.map((s) => s.service.slug),
        website: website?.value ?? null,
        phone: phone ? { value: phone.value, unverified: phone.unverified } : null,
        reviewed: h.reviewed,
        nextReview: h.nextReview,
        latitude: pos.at.latitude,
        longitude: pos.at.longitude,
        distanceKm: distances.get(h.slug) ?? null,
        approximatePosition: pos.approximate,
      };
    }),
  };
}

/** Where every matching hospital is, for the map (own position, or its city's, marked approximate). */
export async function listHospitalPositions(f: HospitalFilters): Promise<MapPoint[]> {
  const vocab = await getVocabulary();
  const rows = await prisma.hospital.findMany({
    where: whereFor(f, vocab.tumorParent),
    select: { slug: true, name: true, latitude: true, longitude: true, city: { select: { name: true, latitude: true, longitude: true } } },
    orderBy: { name: "asc" },
  });
  return rows.map((h) => {
    const pos = positionOf(h);
    return { slug: h.slug, name: h.name, city: h.city.name, ...pos.at, approximate: pos.approximate };
  });
}

/** For each filter option, how many hospitals the listing would show with it chosen. */
async function facetCounts(
  f: HospitalFilters,
  vocab: Awaited<ReturnType<typeof getVocabulary>>,
): Promise<Record<Facet, FacetOption[]>> {
  const parent = vocab.tumorParent;
  const [byCity, byCountry, tumorPairs, byService] = await Promise.all([
    prisma.hospital.groupBy({ by: ["citySlug"], where: whereFor(f, parent, "city"), _count: { _all: true } }),
    prisma.hospital.findMany({ where: whereFor(f, parent, "country"), select: { city: { select: { countrySlug: true } } } }),
    prisma.hospitalSarcoma.findMany({
      where: { hospital: whereFor(f, parent, "tumor") },
      select: { hospitalSlug: true, sarcomaSlug: true },
    }),
    prisma.hospitalService.groupBy({ by: ["serviceSlug"], where: { hospital: whereFor(f, parent) }, _count: { _all: true } }),
  ]);

  const countryCounts = new Map<string, number>();
  for (const h of byCountry) countryCounts.set(h.city.countrySlug, (countryCounts.get(h.city.countrySlug) ?? 0) + 1);

  const hospitalsByType = new Map<string, Set<string>>();
  for (const p of tumorPairs) {
    if (!hospitalsByType.has(p.sarcomaSlug)) hospitalsByType.set(p.sarcomaSlug, new Set());
    hospitalsByType.get(p.sarcomaSlug)!.add(p.hospitalSlug);
  }
  const tumorCount = (slug: string) =>
    new Set(tumorMatches([slug], parent).flatMap((t) => [...(hospitalsByType.get(t) ?? [])])).size;

  const options = (facet: Facet, count: (slug: string) => number) =>
    [...vocab[facet]].map(([slug, name]) => ({ slug, name, count: count(slug), selected: f[facet].includes(slug) }));

  const cityCounts = new Map(byCity.map((c) => [c.citySlug, c._count._all]));
  const serviceCounts = new Map(byService.map((s) => [s.serviceSlug, s._count._all]));
  return {
    city: options("city", (s) => cityCounts.get(s) ?? 0),
    country: options("country", (s) => countryCounts.get(s) ?? 0),
    tumor: options("tumor", tumorCount),
    service: options("service", (s) => serviceCounts.get(s) ?? 0),
  };
}

/** "4 hospitals in London that treat rhabdomyosarcoma": the listing's heading, from its filters. */
export function describeResult(total: number, f: HospitalFilters, vocab: Vocabulary, nearCity: string | null): string {
  const names = (key: "city" | "country" | "tumor" | "service") => f[key].map((s) => vocab[key].get(s) ?? s);
  const list = (items: string[], joiner: string) =>
    items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${joiner} ${items[items.length - 1]}`;
  const parts = [`${total.toLocaleString("en-GB")} ${total === 1 ? "hospital" : "hospitals"}`];
  const places = [...names("city"), ...names("country")];
  if (places.length) parts.push(`in ${list(places, "or")}`);
  if (f.tumor.length) parts.push(`that ${total === 1 ? "treats" : "treat"} ${list(names("tumor").map(lowerFirst), "or")}`);
  if (f.service.length) parts.push(`with ${list(names("service").map(lowerFirst), "and")}`);
  if (f.q) parts.push(`matching “${f.q}”`);
  let text = parts.join(" ");
  if (nearCity && f.sort === "distance") text += `, nearest to ${nearCity} first`;
  return text;
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
  const vocab = await getVocabulary();
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
  const counts = await Promise.all(
    candidates.map((c) => prisma.hospital.count({ where: whereFor(c.filters, vocab.tumorParent) })),
  );
  return candidates.map((c, i) => ({ ...c, count: counts[i] })).filter((c) => c.count > 0);
}
