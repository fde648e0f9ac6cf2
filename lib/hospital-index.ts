import { distanceKm, type LatLng } from "./geo";
import type { HospitalFilters } from "./search-params";

// The listing's filters, facet counts and orders, worked out in memory from one compact
// row per hospital. The store is read-only while a server runs, so each process reads
// these rows once (lib/hospitals.ts) and answers every listing from them: one pass over
// the hospitals per request instead of a query per facet, and no query that grows with N.
// Pure functions, so the filter rules are unit-tested without a database.

export type Facet = "city" | "country" | "tumor" | "service";

/** What the listing needs to know about one hospital to filter, count and order it. */
export type IndexRow = {
  slug: string;
  name: string;
  citySlug: string;
  countrySlug: string;
  /** Sarcoma types the hospital's sources name. */
  sarcomas: string[];
  services: string[];
  /** Lowercased name, other name, city, country, region and what it treats. */
  searchText: string;
  position: LatLng;
  approximate: boolean;
};

type Entry = Omit<IndexRow, "sarcomas" | "services"> & {
  /** Sarcoma-type filter options this hospital counts for: each type it names, and each type in a group it names. */
  tumorOptions: ReadonlySet<string>;
  services: ReadonlySet<string>;
};

export type HospitalIndex = { entries: Entry[]; tumorSlugs: string[] };

/**
 * Rows in listing order (name, then slug). A hospital listed for a group
 * (rhabdomyosarcoma) counts for each type in it (embryonal, alveolar...).
 */
export function buildHospitalIndex(rows: IndexRow[], tumorParent: ReadonlyMap<string, string>, tumorSlugs: string[]): HospitalIndex {
  // The index lives as long as the server, so hospitals with the same city, country,
  // sarcoma types or services share one string or one set rather than each holding a copy.
  const strings = new Map<string, string>();
  const intern = (s: string) => strings.get(s) ?? (strings.set(s, s), s);
  const sets = new Map<string, ReadonlySet<string>>();
  const setOf = (items: string[]) => {
    const key = items.join("\n");
    let set = sets.get(key);
    if (!set) sets.set(key, (set = new Set(items.map(intern))));
    return set;
  };
  const entries = [...rows]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map(({ sarcomas, services, ...r }): Entry => {
      const named = new Set(sarcomas);
      return {
        ...r,
        citySlug: intern(r.citySlug),
        countrySlug: intern(r.countrySlug),
        tumorOptions: setOf(tumorSlugs.filter((t) => named.has(t) || (tumorParent.has(t) && named.has(tumorParent.get(t)!)))),
        services: setOf(services),
      };
    });
  return { entries, tumorSlugs };
}

/** The words of a free-text filter: each must appear somewhere in the hospital's search text. */
export function searchWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

type Check = (e: Entry) => boolean;

function checks(f: HospitalFilters): Record<Facet | "q", Check | null> {
  const words = searchWords(f.q);
  const city = new Set(f.city);
  const country = new Set(f.country);
  return {
    city: f.city.length ? (e) => city.has(e.citySlug) : null,
    country: f.country.length ? (e) => country.has(e.countrySlug) : null,
    tumor: f.tumor.length ? (e) => f.tumor.some((t) => e.tumorOptions.has(t)) : null,
    service: f.service.length ? (e) => f.service.every((s) => e.services.has(s)) : null,
    q: words.length ? (e) => words.every((w) => e.searchText.includes(w)) : null,
  };
}

export type IndexResult = {
  /** Every hospital matching all the filters, in listing order. */
  matches: Entry[];
  /** For each facet, how many hospitals each option would leave (that facet's own choices set aside). */
  counts: Record<Facet, Map<string, number>>;
};

/**
 * Filters and counts in one pass. A hospital that fails only one facet's filter still
 * counts towards that facet's options: choosing another city widens the city choice.
 * Services are "all of", so their counts are over the full match.
 */
export function queryIndex(index: HospitalIndex, f: HospitalFilters): IndexResult {
  const c = checks(f);
  const facets: Facet[] = ["city", "country", "tumor", "service"];
  const counts: Record<Facet, Map<string, number>> = { city: new Map(), country: new Map(), tumor: new Map(), service: new Map() };
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const matches: Entry[] = [];
  for (const e of index.entries) {
    if (c.q && !c.q(e)) continue;
    let failed: Facet | null = null;
    let failures = 0;
    for (const facet of facets) {
      const check = c[facet];
      if (check && !check(e)) {
        failed = facet;
        if (++failures > 1) break;
      }
    }
    if (failures > 1) continue;
    if (failures === 0) matches.push(e);
    // A service choice narrows (all of), so its options count over full matches only.
    if (failed === null || failed === "city") add(counts.city, e.citySlug);
    if (failed === null || failed === "country") add(counts.country, e.countrySlug);
    if (failed === null || failed === "tumor") for (const t of e.tumorOptions) add(counts.tumor, t);
    if (failed === null) for (const s of e.services) add(counts.service, s);
  }
  return { matches, counts };
}

/** Nearest first (ties by name), with each hospital's distance from the chosen city. */
export function byDistance<T extends { position: LatLng; name: string }>(items: T[], from: LatLng): { item: T; km: number }[] {
  return items
    .map((item) => ({ item, km: distanceKm(from, item.position) }))
    .sort((a, b) => a.km - b.km || a.item.name.localeCompare(b.item.name));
}
