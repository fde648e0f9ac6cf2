import "server-only";
import { distance } from "fastest-levenshtein";
import type { Prisma } from "../../generated/prisma/client";
import { prisma } from "./db";
import { PLACE_SEARCH_TABLE } from "../domain";
import { recentAnswers } from "./memo";
import { placeKey } from "../params/place-key";
import { matchesQualifier, parseNearQuery, trigramQuery, typoAllowance } from "../params/near-query";
import { shorten } from "../params/search-params";

// "Near": the place a parent measures distances from. One of our cities (every old
// `near=<city-slug>` link), any gazetteer place (`near=stockport-gb`), a US ZIP code
// (`near=80203`), or what they typed ("sao paulo", "Richmond, VA"), looked up in the
// store's gazetteer tables. Nothing is guessed silently: a shared name gives a choice,
// a corrected spelling is said, and a miss says so with the nearest spellings.

export type NearPlace = {
  /** The canonical `near` value for this place. */
  near: string;
  kind: "city" | "place" | "zip";
  name: string;
  region: string | null;
  country: string;
  latitude: number;
  longitude: number;
  /** "Stockport, England, United Kingdom" */
  label: string;
};

export type NearAnswer =
  | {
      status: "found";
      place: NearPlace;
      /** exact: the name or URL names one place; likeliest: by far the largest of its name; spelling: the nearest spelling. */
      how: "exact" | "likeliest" | "spelling";
      /** Other places the text could mean, to offer beside the answer. */
      others: NearPlace[];
      asked: string;
    }
  | { status: "choose"; asked: string; options: NearPlace[] }
  | { status: "none"; asked: string; message: string; suggestions: NearPlace[] };

/** How many places to offer in a choice. */
const CHOICES = 8;
/** A place counts as the one meant when it has this many times the people of the next of its name. */
const LIKELIEST_FACTOR = 10;

const placeSelect = {
  id: true,
  slug: true,
  name: true,
  region: true,
  regionCode: true,
  country: true,
  countryCode: true,
  latitude: true,
  longitude: true,
  population: true,
} satisfies Prisma.PlaceSelect;
type PlaceRecord = Prisma.PlaceGetPayload<{ select: typeof placeSelect }>;

function label(parts: (string | null)[]): string {
  return parts.filter((p, i): p is string => !!p && p !== parts[i - 1]).join(", ");
}

function fromPlace(p: PlaceRecord): NearPlace {
  return {
    near: p.slug,
    kind: "place",
    name: p.name,
    region: p.region,
    country: p.country,
    latitude: p.latitude,
    longitude: p.longitude,
    label: label([p.name, p.region, p.country]),
  };
}

/** Whether the first of these places (by population) has by far the most people of them. */
function oneStandsOut(places: PlaceRecord[]): PlaceRecord | null {
  if (places.length === 1) return places[0];
  const [a, b] = [...places].sort((x, y) => y.population - x.population);
  return a && b && a.population >= LIKELIEST_FACTOR * Math.max(1, b.population) ? a : null;
}

/** Larger places first; the visitor's chosen countries before the rest. */
function likeliest(places: PlaceRecord[], countries: readonly string[]): PlaceRecord[] {
  const unique = [...new Map(places.map((p) => [p.id, p])).values()];
  return unique.sort(
    (a, b) => Number(countries.includes(b.countryCode)) - Number(countries.includes(a.countryCode)) || b.population - a.population || a.id - b.id,
  );
}

async function placesNamed(keys: string[]): Promise<PlaceRecord[]> {
  if (keys.length === 0) return [];
  const rows = await prisma.placeName.findMany({ where: { key: { in: keys } }, select: { place: { select: placeSelect } } });
  return rows.map((r) => r.place);
}

/** Places whose name starts with the whole words typed: "Newcastle" finds "Newcastle upon Tyne". */
async function placesStartingWith(key: string): Promise<PlaceRecord[]> {
  // Keys are folded to letters, digits and single spaces, so "key " up to "key!" is every "key …".
  const rows = await prisma.placeName.findMany({
    where: { key: { gt: `${key} `, lt: `${key}!` } },
    select: { place: { select: placeSelect } },
    orderBy: { place: { population: "desc" } },
    take: CHOICES,
  });
  return rows.map((r) => r.place);
}

/** Folded names within a typo or two of `key`, nearest first (then shorter). */
async function nearSpellings(key: string, maxEdits: number): Promise<{ key: string; edits: number }[]> {
  const match = trigramQuery(key);
  if (!match) return [];
  const rows = await prisma.$queryRawUnsafe<{ key: string }[]>(
    `SELECT key FROM "${PLACE_SEARCH_TABLE}" WHERE "${PLACE_SEARCH_TABLE}" MATCH ? ORDER BY rank LIMIT 400`,
    match,
  );
  return rows
    .map((r) => ({ key: r.key, edits: distance(key, r.key) }))
    .filter((r) => r.edits <= maxEdits && r.key !== key)
    .sort((a, b) => a.edits - b.edits || a.key.length - b.key.length || a.key.localeCompare(b.key));
}

async function resolveUncached(raw: string, countries: readonly string[]): Promise<NearAnswer> {
  const q = parseNearQuery(raw);
  if (q.kind === "invalid") return { status: "none", asked: shorten(raw.trim()), message: q.message, suggestions: [] };
  const asked = shorten(q.text);

  if (q.kind === "zip") {
    const zip = await prisma.zipCode.findUnique({ where: { code: q.code } });
    if (!zip) return { status: "none", asked, message: `We don't know the US ZIP code ${q.code}. Check it, or type your town or city.`, suggestions: [] };
    const name = `ZIP code ${zip.code}`;
    return {
      status: "found",
      how: "exact",
      others: [],
      asked,
      place: { near: zip.code, kind: "zip", name, region: zip.region, country: zip.country, latitude: zip.latitude, longitude: zip.longitude, label: label([name, zip.region, zip.country]) },
    };
  }

  if (q.slug) {
    // Every `near=<city-slug>` link made so far: the city's own position, as before.
    const city = await prisma.city.findUnique({
      where: { slug: q.slug },
      select: { slug: true, name: true, latitude: true, longitude: true, geonameId: true, country: { select: { name: true } } },
    });
    if (city) {
      const [place, sameName] = await Promise.all([
        city.geonameId === null ? null : prisma.place.findUnique({ where: { id: city.geonameId }, select: placeSelect }),
        placesNamed([placeKey(city.name)]),
      ]);
      const region = place?.region ?? null;
      return {
        status: "found",
        how: "exact",
        // Other places of the city's name, offered in case the link was not meant for this one.
        others: likeliest(sameName, countries)
          .filter((p) => p.id !== city.geonameId)
          .slice(0, CHOICES - 1)
          .map(fromPlace),
        asked,
        place: { near: city.slug, kind: "city", name: city.name, region, country: city.country.name, latitude: city.latitude, longitude: city.longitude, label: label([city.name, region, city.country.name]) },
      };
    }
    const place = await prisma.place.findUnique({ where: { slug: q.slug }, select: placeSelect });
    if (place) return { status: "found", how: "exact", others: [], asked, place: fromPlace(place) };
  }

  const qualified = (list: PlaceRecord[]) => list.filter((p) => q.qualifiers.every((x) => matchesQualifier(x, p)));
  const [exact, longer] = await Promise.all([placesNamed([q.key]), placesStartingWith(q.key)]);
  const named = qualified(exact);
  const starting = qualified(longer);
  const one = oneStandsOut(named);
  if (one) {
    const others = likeliest([...named, ...starting], countries).filter((p) => p.id !== one.id);
    return { status: "found", how: named.length === 1 ? "exact" : "likeliest", place: fromPlace(one), others: others.slice(0, CHOICES - 1).map(fromPlace), asked };
  }
  if (named.length > 1 || starting.length > 0) {
    return { status: "choose", asked, options: likeliest([...named, ...starting], countries).slice(0, CHOICES).map(fromPlace) };
  }

  const spellings = await nearSpellings(q.key, Math.max(3, Math.ceil(q.key.length / 2)));
  const allowed = spellings.filter((s) => s.edits <= typoAllowance(q.key));
  if (allowed.length > 0) {
    const best = allowed.filter((s) => s.edits === allowed[0].edits).map((s) => s.key);
    const candidates = qualified(likeliest(await placesNamed(best), countries));
    const likely = oneStandsOut(candidates);
    if (likely) {
      return { status: "found", how: "spelling", place: fromPlace(likely), others: candidates.filter((c) => c !== likely).slice(0, CHOICES - 1).map(fromPlace), asked };
    }
    if (candidates.length > 1) return { status: "choose", asked, options: candidates.slice(0, CHOICES).map(fromPlace) };
  }
  const suggestions = likeliest(await placesNamed(spellings.slice(0, 5).map((s) => s.key)), countries).slice(0, 5).map(fromPlace);
  return {
    status: "none",
    asked,
    message: `We could not find a place called "${asked}"${q.qualifiers.length ? " there" : ""}. Check the spelling, or try a larger town nearby or a US ZIP code.`,
    suggestions,
  };
}

const recentNear = recentAnswers<NearAnswer>("near", 1000);

/** Where `raw` is, read as a slug, a ZIP code or a place name (see NearAnswer). `countries` are ISO codes to prefer. */
export function resolveNear(raw: string, countries: readonly string[] = []): Promise<NearAnswer> {
  return recentNear(JSON.stringify([raw, countries]), () => resolveUncached(raw, countries));
}
