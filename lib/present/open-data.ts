import { stringify } from "csv-stringify/sync";
import type { HospitalProfile } from "../data/hospital-profile";
import type { HospitalCard, HospitalListing } from "../data/hospitals";
import type { NearPlace } from "../data/near";
import { PAGE_SIZE, type Notice, type RawParams } from "../params/search-params";

// The JSON and CSV shapes of the open data. Field names are a public contract, documented
// in the README: add fields, never rename or remove them.

export const DATA_LICENCE =
  "Compiled data and our text: CC BY 4.0 (Childhood Sarcoma Directory). Place positions: GeoNames, CC BY 4.0. US ZIP code positions: US Census Bureau (public domain). Each fact links to its source, which keeps its own terms.";

/** URLSearchParams to the `string | string[]` record the parsers take. */
export function toRawParams(params: URLSearchParams): RawParams {
  const out: RawParams = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

export function apiHospital(h: HospitalCard) {
  return {
    slug: h.slug,
    name: h.name,
    shortName: h.shortName,
    kind: h.kind,
    city: { slug: h.citySlug, name: h.city },
    country: { slug: h.countrySlug, name: h.country },
    position: { latitude: h.latitude, longitude: h.longitude, approximate: h.approximatePosition },
    distanceKm: h.distanceKm === null ? null : Math.round(h.distanceKm * 10) / 10,
    sarcomaTypes: h.sarcomaTypeSlugs,
    // With a sarcoma type filter: 1 = its own pages name the type, 2 = it counts through a network.
    tier: h.tier,
    tierNetworks: h.tierNetworks.map((n) => n.slug),
    networks: h.networks.map((n) => n.slug),
    services: h.serviceSlugs,
    website: h.website,
    phone: h.phone,
    summary: h.summary,
    reviewed: h.reviewed,
    nextReview: h.nextReview,
    url: `/hospitals/${h.slug}`,
  };
}

export function apiListing(listing: HospitalListing, from: NearPlace | null, self: (page: number) => string) {
  // meta.near: the place distances are measured from, as understood (null without `near`).
  const near = from && { near: from.near, name: from.name, region: from.region, country: from.country, latitude: from.latitude, longitude: from.longitude };
  return {
    data: listing.items.map(apiHospital),
    meta: { total: listing.total, page: listing.page, pageCount: listing.pageCount, pageSize: PAGE_SIZE, near, licence: DATA_LICENCE },
    links: {
      self: self(listing.page),
      next: listing.page < listing.pageCount ? self(listing.page + 1) : null,
      prev: listing.page > 1 ? self(Math.min(listing.page - 1, listing.pageCount)) : null,
    },
  };
}

export function apiProfile(h: HospitalProfile) {
  const source = (s: { url: string }) => s.url;
  return {
    slug: h.slug,
    name: h.name,
    shortName: h.shortName,
    kind: h.kind,
    region: h.region,
    summary: h.summary,
    city: h.city,
    country: h.country,
    position: { latitude: h.position.latitude, longitude: h.position.longitude, approximate: h.position.approximate, source: source(h.position.source) },
    fields: Object.fromEntries(
      Object.entries(h.fields).map(([k, f]) => [k, { value: f.value, label: f.label, unverified: f.unverified, source: source(f.source) }]),
    ),
    sarcomaTypes: h.sarcomaTypes.map((t) => ({ slug: t.slug, name: t.name, source: source(t.source) })),
    sarcomaTypesThroughNetworks: h.networkTypes,
    networks: h.networks.map((n) => ({
      slug: n.slug,
      name: n.name,
      listDate: n.listDate,
      listDateKind: n.listDateKind,
      note: n.note ?? null,
      source: source(n.source),
    })),
    services: h.services.filter((s) => s.available).map((s) => ({ slug: s.slug, name: s.name, note: s.note ?? null, source: source(s.source) })),
    servicesNotOffered: h.services.filter((s) => !s.available).map((s) => ({ slug: s.slug, name: s.name, note: s.note ?? null, source: source(s.source) })),
    treatments: h.treatments.map((t) => ({ slug: t.slug, name: t.name, source: source(t.source) })),
    facts: h.facts.map((f) => ({ text: f.text, kind: f.kind, date: f.date, source: source(f.source) })),
    accommodation: h.accommodation.map((a) => ({ name: a.name, note: a.note, unverified: a.unverified, source: source(a.source) })),
    trialsSearch: h.trialsUrl,
    sources: h.sources.slice(0, h.ownSources).map((s) => ({ url: s.url, title: s.title, publisher: s.publisher })),
    reviewed: h.reviewed,
    nextReview: h.nextReview,
    reviewedBy: h.reviewedBy,
    url: `/hospitals/${h.slug}`,
    licence: DATA_LICENCE,
  };
}

export function apiError(status: number, message: string, problems: Notice[] = []) {
  return Response.json({ error: { status, message, problems } }, { status, headers: { "Cache-Control": "no-store" } });
}

// A spreadsheet treats a leading = + - @ as a formula; prefix them so a cell stays text.
const safeCell = (v: string) => (/^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v);

export const CSV_COLUMNS = [
  "slug",
  "name",
  "short_name",
  "kind",
  "city",
  "country",
  "latitude",
  "longitude",
  "position_approximate",
  "sarcoma_types",
  "services",
  "website",
  "phone",
  "phone_unconfirmed",
  "reviewed",
  "next_review",
  "profile_url",
  "networks",
  "tier",
] as const;

export function hospitalsCsv(items: HospitalCard[], origin: string): string {
  const rows = items.map((h) =>
    [
      h.slug,
      h.name,
      h.shortName,
      h.kind ?? "",
      h.city,
      h.country,
      String(h.latitude),
      String(h.longitude),
      h.approximatePosition ? "yes" : "no",
      h.sarcomaTypeSlugs.join(" "),
      h.serviceSlugs.join(" "),
      h.website ?? "",
      h.phone?.value ?? "",
      h.phone ? (h.phone.unverified ? "yes" : "no") : "",
      h.reviewed,
      h.nextReview,
      `${origin}/hospitals/${h.slug}`,
      h.networks.map((n) => n.slug).join(" "),
      h.tier === null ? "" : String(h.tier),
    ].map(safeCell),
  );
  return stringify([[...CSV_COLUMNS], ...rows]);
}
