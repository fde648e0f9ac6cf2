import { z } from "zod";
import { SLUG } from "../domain";

export type RawParams = Record<string, string | string[] | undefined>;

export type SortOrder = "name" | "distance";

export type HospitalFilters = {
  city: string[];
  country: string[];
  tumor: string[];
  service: string[];
  q: string;
  near: string | null;
  sort: SortOrder;
  page: number;
  view: "list" | "map";
};

/** The listing with nothing chosen: every hospital by name, the first page, as a list. Spread it with what is chosen; never change it. */
export const NO_FILTERS: HospitalFilters = { city: [], country: [], tumor: [], service: [], q: "", near: null, sort: "name", page: 1, view: "list" };

/** The slugs each filter may take, read from the store by the caller. */
export type Vocabulary = {
  city: ReadonlyMap<string, string>;
  country: ReadonlyMap<string, string>;
  tumor: ReadonlyMap<string, string>;
  service: ReadonlyMap<string, string>;
};

/** Something in the URL we could not use, said in words a parent understands. */
export type Notice = { param: string; message: string };

/** Hospitals per page of the listing and the API. */
export const PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 100;
export const MAX_VALUES_PER_FILTER = 10;
const LIST_KEYS = ["city", "country", "tumor", "service"] as const;
const LABEL: Record<(typeof LIST_KEYS)[number], string> = {
  city: "city",
  country: "country",
  tumor: "sarcoma type",
  service: "service",
};

const slugValue = z.string().trim().toLowerCase().regex(SLUG).max(80);
const pageValue = z
  .string()
  .regex(/^\d{1,5}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(10_000));
const sortValue = z.enum(["name", "distance"]);

function values(raw: string | string[] | undefined): string[] {
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).filter((v) => v.trim() !== "");
}

function single(raw: string | string[] | undefined, param: string, notices: Notice[]): string | undefined {
  const list = values(raw);
  if (list.length > 1) notices.push({ param, message: `The link gave "${param}" more than once, so we used the first one.` });
  return list[0];
}

/** For a message: at most 40 characters of what was given, on one line. */
export function shorten(s: string): string {
  const flat = s.replace(/\s+/g, " ");
  return flat.length > 40 ? `${flat.slice(0, 37)}...` : flat;
}

/**
 * `near`: what to measure distances from, as given (a city or place slug, a ZIP code, or a
 * typed place name). Only its shape is read here; lib/data/near.ts finds the place.
 */
function parseNear(raw: string | string[] | undefined, notices: Notice[]): string | null {
  const value = single(raw, "near", notices)?.trim();
  return value ? value : null;
}

/**
 * Reads /hospitals' query string. Pure and total: any input gives filters, plus notices
 * for whatever was unusable, which the page shows instead of failing.
 */
export function parseHospitalParams(raw: RawParams, vocab: Vocabulary): { filters: HospitalFilters; notices: Notice[] } {
  const notices: Notice[] = [];
  const lists = {} as Record<(typeof LIST_KEYS)[number], string[]>;

  for (const key of LIST_KEYS) {
    const known = vocab[key];
    const kept: string[] = [];
    for (const value of values(raw[key])) {
      const parsed = slugValue.safeParse(value);
      if (parsed.success && known.has(parsed.data)) {
        if (!kept.includes(parsed.data)) kept.push(parsed.data);
      } else {
        notices.push({ param: key, message: `We don't have a ${LABEL[key]} called "${shorten(value)}", so we left it out.` });
      }
    }
    if (kept.length > MAX_VALUES_PER_FILTER) {
      notices.push({ param: key, message: `Only the first ${MAX_VALUES_PER_FILTER} ${LABEL[key]} choices were used.` });
    }
    lists[key] = kept.slice(0, MAX_VALUES_PER_FILTER);
  }

  let q = (single(raw.q, "q", notices) ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (q.length > MAX_QUERY_LENGTH) {
    notices.push({ param: "q", message: `The search text was very long, so we used its first ${MAX_QUERY_LENGTH} characters.` });
    q = q.slice(0, MAX_QUERY_LENGTH).trim();
  }

  const near = parseNear(raw.near, notices);

  let sort: SortOrder = near ? "distance" : "name";
  const sortRaw = single(raw.sort, "sort", notices);
  if (sortRaw !== undefined) {
    const parsed = sortValue.safeParse(sortRaw.trim().toLowerCase());
    if (!parsed.success) notices.push({ param: "sort", message: `We can sort by name or by distance, not "${shorten(sortRaw)}".` });
    else if (parsed.data === "distance" && !near) {
      notices.push({ param: "sort", message: "To sort by distance, type a place to measure from. We sorted by name instead." });
    } else sort = parsed.data;
  }

  let page = 1;
  const pageRaw = single(raw.page, "page", notices);
  if (pageRaw !== undefined) {
    const parsed = pageValue.safeParse(pageRaw.trim());
    if (parsed.success) page = parsed.data;
    else notices.push({ param: "page", message: `"${shorten(pageRaw)}" is not a page number, so we showed the first page.` });
  }

  let view: HospitalFilters["view"] = "list";
  const viewRaw = single(raw.view, "view", notices);
  if (viewRaw !== undefined) {
    if (viewRaw === "map" || viewRaw === "list") view = viewRaw;
    else notices.push({ param: "view", message: `We can show a list or a map, not "${shorten(viewRaw)}".` });
  }

  return { filters: { ...lists, q, near, sort, page, view }, notices };
}

/** The one canonical query string for a set of filters (sorted values, defaults left out). */
export function hospitalQueryString(f: Partial<HospitalFilters>): string {
  const params = new URLSearchParams();
  for (const key of LIST_KEYS) for (const v of [...(f[key] ?? [])].sort()) params.append(key, v);
  if (f.q) params.set("q", f.q);
  if (f.near) params.set("near", f.near);
  if (f.sort && f.sort !== (f.near ? "distance" : "name")) params.set("sort", f.sort);
  if (f.page && f.page > 1) params.set("page", String(f.page));
  if (f.view === "map") params.set("view", "map");
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The query string as it arrived (keys in order, repeats kept), to compare with the canonical one. */
export function rawQueryString(raw: RawParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const v of value === undefined ? [] : Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

export function hospitalsUrl(f: Partial<HospitalFilters>): string {
  return `/hospitals${hospitalQueryString(f)}`;
}

export const MAX_COMPARE = 4;

/**
 * Reads /compare's query: `h` (hospital slugs, up to four) and `near` (as for the listing).
 * Pure and total, like parseHospitalParams.
 */
export function parseCompareParams(
  raw: RawParams,
  known: { hospitals: ReadonlyMap<string, string> },
): { slugs: string[]; near: string | null; notices: Notice[] } {
  const notices: Notice[] = [];
  const slugs = parseHospitalChoices(raw.h, known.hospitals, { not: "compared", limit: "We can compare" }, notices);
  const near = parseNear(raw.near, notices);
  return { slugs, near, notices };
}

/** `h`: hospital slugs, known, each once, at most MAX_COMPARE; `say` words the notices for the page. */
function parseHospitalChoices(
  raw: string | string[] | undefined,
  known: ReadonlyMap<string, string>,
  say: { not: string; limit: string },
  notices: Notice[],
): string[] {
  const slugs: string[] = [];
  for (const value of values(raw)) {
    const parsed = slugValue.safeParse(value);
    if (!parsed.success || !known.has(parsed.data)) {
      notices.push({ param: "h", message: `We don't have a hospital called "${shorten(value)}", so it is not ${say.not}.` });
    } else if (slugs.includes(parsed.data)) {
      notices.push({ param: "h", message: `${known.get(parsed.data)} was chosen twice; it is shown once.` });
    } else slugs.push(parsed.data);
  }
  if (slugs.length > MAX_COMPARE) {
    notices.push({ param: "h", message: `${say.limit} up to ${MAX_COMPARE} hospitals at once, so we kept the first ${MAX_COMPARE}.` });
  }
  return slugs.slice(0, MAX_COMPARE);
}

/**
 * Reads /pack's query: `h` (hospital slugs, up to four, as for /compare) and `pathway` (one
 * pathway slug). Pure and total: unknown or repeated values become notices.
 */
export function parsePackParams(
  raw: RawParams,
  known: { hospitals: ReadonlyMap<string, string>; pathways: ReadonlyMap<string, string> },
): { slugs: string[]; pathway: string | null; notices: Notice[] } {
  const notices: Notice[] = [];
  const slugs = parseHospitalChoices(raw.h, known.hospitals, { not: "in the pack", limit: "A pack can hold" }, notices);
  let pathway: string | null = null;
  const asked = single(raw.pathway, "pathway", notices);
  if (asked !== undefined) {
    const parsed = slugValue.safeParse(asked);
    if (parsed.success && known.pathways.has(parsed.data)) pathway = parsed.data;
    else notices.push({ param: "pathway", message: `We don't have a pathway called "${shorten(asked)}", so no pathway is in the pack.` });
  }
  return { slugs, pathway, notices };
}

export function packUrl(slugs: string[], pathway: string | null): string {
  const params = new URLSearchParams();
  for (const s of slugs) params.append("h", s);
  if (pathway) params.set("pathway", pathway);
  const s = params.toString();
  return s ? `/pack?${s}` : "/pack";
}

export function compareUrl(slugs: string[], near?: string | null): string {
  const params = new URLSearchParams();
  for (const s of slugs) params.append("h", s);
  if (near) params.set("near", near);
  const s = params.toString();
  return s ? `/compare?${s}` : "/compare";
}
