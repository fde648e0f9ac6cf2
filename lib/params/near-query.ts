import { placeKey } from "./place-key";
import { shorten } from "./search-params";

// What a parent typed in "Your town, city or ZIP code" (the `near` parameter), read into
// what to look up. Pure: lib/data/near.ts looks it up in the store.

export const MAX_NEAR_LENGTH = 100;

export type NearQuery =
  /** A US ZIP code (ZIP+4 is read as its first five digits). */
  | { kind: "zip"; code: string; text: string }
  /**
   * A name to look up: `key` folded by placeKey; `qualifiers` the folded parts after commas
   * ("Richmond, Virginia"). `slug` is set when the text is written exactly as one of our
   * URLs writes a place (`leeds`, `stockport-gb`), which is tried first.
   */
  | { kind: "name"; key: string; qualifiers: string[]; slug: string | null; text: string }
  | { kind: "invalid"; message: string };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ZIP = /^(\d{5})(?:-\d{4})?$/;

export function parseNearQuery(raw: string): NearQuery {
  const text = raw
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length > MAX_NEAR_LENGTH) {
    return { kind: "invalid", message: `That place name is longer than ${MAX_NEAR_LENGTH} characters. Type just the town, city or ZIP code.` };
  }
  const zip = text.match(ZIP);
  if (zip) return { kind: "zip", code: zip[1], text };
  const [name, ...rest] = text.split(",");
  const key = placeKey(name);
  if (!key) return { kind: "invalid", message: `"${shorten(text)}" has no letters or numbers we can look up. Type a town, city or ZIP code.` };
  if (/^\d+$/.test(key)) return { kind: "invalid", message: `"${shorten(text)}" is not a US ZIP code (five digits). Type a town, city or ZIP code.` };
  return { kind: "name", key, qualifiers: rest.map(placeKey).filter(Boolean), slug: SLUG.test(text) ? text : null, text };
}

// Other ways people write a country, beyond its name and two-letter code.
const COUNTRY_ALIASES: Record<string, string> = { uk: "GB", "great britain": "GB", britain: "GB", usa: "US", america: "US", "united states of america": "US" };

/** Whether a folded qualifier ("virginia", "va", "uk") names this place's region or country. */
export function matchesQualifier(q: string, place: { region: string | null; regionCode: string | null; country: string; countryCode: string }): boolean {
  return (
    q === placeKey(place.region ?? "") ||
    q === placeKey(place.regionCode ?? "") ||
    q === placeKey(place.country) ||
    q === place.countryCode.toLowerCase() ||
    COUNTRY_ALIASES[q] === place.countryCode
  );
}

/** The fewest single-letter changes that turn one folded name into another, allowed as a typo. */
export function typoAllowance(key: string): number {
  return key.length <= 4 ? 1 : 2;
}

/** FTS5 trigram query for names that share any three letters in a row with `key`. */
export function trigramQuery(key: string): string | null {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= key.length; i++) grams.add(key.slice(i, i + 3));
  // placeKey leaves letters, digits and single spaces, so a quoted trigram needs no escaping.
  return grams.size ? [...grams].map((g) => `"${g}"`).join(" OR ") : null;
}
