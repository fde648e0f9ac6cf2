import { distanceKm, type LatLng } from "../present/geo";
import type { HospitalFilters } from "../params/search-params";
import { wordsOf } from "../params/words";

// The listing's filters, facet counts and orders, worked out in memory from one compact
// row per hospital. The store is read-only while a server runs, so each process reads
// these rows once (lib/data/hospitals.ts) and answers every listing from them: one pass over
// the hospitals per request instead of a query per facet, and no query that grows with N.
// Pure functions, so the filter rules are unit-tested without a database.

export type Facet = "city" | "country" | "tumor" | "service";
export const FACETS: readonly Facet[] = ["city", "country", "tumor", "service"];

/**
 * The first tier's rule, the one place it is written: a hospital counts for a type when its
 * sources name the type or the group it belongs to (rhabdomyosarcoma covers alveolar).
 */
export function namesType(named: ReadonlySet<string>, type: string, parent: string | null | undefined): boolean {
  return named.has(type) || (parent != null && named.has(parent));
}

/** What the listing needs to know about one hospital to filter, count and order it. */
export type IndexRow = {
  slug: string;
  name: string;
  citySlug: string;
  countrySlug: string;
  /** Sarcoma types the hospital's sources name. */
  sarcomaTypes: string[];
  /** Sarcoma types it counts for through its networks (the second tier), by network. */
  networkSarcomas?: ReadonlyMap<string, readonly string[]>;
  services: string[];
  /** Lowercased name, other name, city, country, region and the sarcoma types it treats. */
  searchText: string;
  position: LatLng;
  approximate: boolean;
};

type Entry = Omit<IndexRow, "sarcomaTypes" | "services" | "networkSarcomas"> & {
  /** Sarcoma-type filter options this hospital counts for: each type it names, and each type in a group it names. */
  namedTypes: ReadonlySet<string>;
  /** Types it counts for only through a network (none of them in namedTypes), with the networks that give each. */
  typesByNetwork: ReadonlyMap<string, readonly string[]>;
  services: ReadonlySet<string>;
};

/** How a hospital counts for a chosen sarcoma type: its own pages name it (1), or a network's source covers it (2). */
export type Tier = 1 | 2;

const NO_NETWORK_TYPES: ReadonlyMap<string, readonly string[]> = new Map();

export type HospitalIndex = { entries: Entry[]; sarcomaTypeSlugs: string[] };

/**
 * Rows in listing order (name, then slug). A hospital listed for a group
 * (rhabdomyosarcoma) counts for each type in it (embryonal, alveolar...).
 */
export function buildHospitalIndex(rows: IndexRow[], parentType: ReadonlyMap<string, string>, sarcomaTypeSlugs: string[]): HospitalIndex {
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
    .map(({ sarcomaTypes, services, networkSarcomas, ...r }): Entry => {
      const named = new Set(sarcomaTypes);
      const namedTypes = setOf(sarcomaTypeSlugs.filter((t) => namesType(named, t, parentType.get(t))));
      const byNetwork = new Map<string, string[]>();
      for (const [network, types] of networkSarcomas ?? []) {
        for (const t of types) {
          if (namedTypes.has(t)) continue;
          const list = byNetwork.get(t);
          if (list) list.push(intern(network));
          else byNetwork.set(intern(t), [intern(network)]);
        }
      }
      return {
        ...r,
        citySlug: intern(r.citySlug),
        countrySlug: intern(r.countrySlug),
        namedTypes,
        typesByNetwork: byNetwork.size ? byNetwork : NO_NETWORK_TYPES,
        services: setOf(services),
      };
    });
  return { entries, sarcomaTypeSlugs };
}

/** The words of a free-text filter: each must appear somewhere in the hospital's search text. */
export function searchWords(q: string): string[] {
  return wordsOf(q, 8);
}

type Check = (e: Entry) => boolean;

function checks(f: HospitalFilters): Record<Facet | "q", Check | null> {
  const words = searchWords(f.q);
  const city = new Set(f.city);
  const country = new Set(f.country);
  return {
    city: f.city.length ? (e) => city.has(e.citySlug) : null,
    country: f.country.length ? (e) => country.has(e.countrySlug) : null,
    tumor: f.tumor.length ? (e) => f.tumor.some((t) => e.namedTypes.has(t) || e.typesByNetwork.has(t)) : null,
    service: f.service.length ? (e) => f.service.every((s) => e.services.has(s)) : null,
    q: words.length ? (e) => words.every((w) => e.searchText.includes(w)) : null,
  };
}

/** The tier a hospital counts in for the chosen types (null with no type chosen). */
export function tierOf(e: Entry, tumors: readonly string[]): Tier | null {
  if (tumors.length === 0) return null;
  return tumors.some((t) => e.namedTypes.has(t)) ? 1 : 2;
}

/** The networks through which a second-tier hospital counts for the chosen types. */
export function networksFor(e: Entry, tumors: readonly string[]): string[] {
  return [...new Set(tumors.flatMap((t) => e.typesByNetwork.get(t) ?? []))];
}

export type IndexResult = {
  /** Every hospital matching all the filters, in listing order: with a sarcoma type chosen, the first tier first. */
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
  const counts: Record<Facet, Map<string, number>> = { city: new Map(), country: new Map(), tumor: new Map(), service: new Map() };
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const matches: Entry[] = [];
  for (const e of index.entries) {
    if (c.q && !c.q(e)) continue;
    let failed: Facet | null = null;
    let failures = 0;
    for (const facet of FACETS) {
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
    // A type's count is both tiers: the hospitals that name it and those whose networks cover it.
    if (failed === null || failed === "tumor") {
      for (const t of e.namedTypes) add(counts.tumor, t);
      for (const t of e.typesByNetwork.keys()) add(counts.tumor, t);
    }
    if (failed === null) for (const s of e.services) add(counts.service, s);
  }
  if (f.tumor.length === 0) return { matches, counts };
  // Stable partition: each tier keeps the listing order.
  const first: Entry[] = [];
  const second: Entry[] = [];
  for (const e of matches) (tierOf(e, f.tumor) === 1 ? first : second).push(e);
  return { matches: second.length ? [...first, ...second] : first, counts };
}

/**
 * Nearest first (ties by name), with each hospital's distance from the chosen city. With a
 * rank (the tier), lower ranks come first and distance orders within each.
 */
export function byDistance<T extends { position: LatLng; name: string }>(
  items: T[],
  from: LatLng,
  rank: (item: T) => number = () => 0,
): { item: T; km: number }[] {
  return items
    .map((item) => ({ item, km: distanceKm(from, item.position), r: rank(item) }))
    .sort((a, b) => a.r - b.r || a.km - b.km || a.item.name.localeCompare(b.item.name))
    .map(({ item, km }) => ({ item, km }));
}
