import "server-only";
import { getFilterNames } from "./hospitals";
import { resolveNear, type NearAnswer, type NearPlace } from "./near";
import { hospitalQueryString, parseHospitalParams, rawQueryString, type HospitalFilters, type Notice, type RawParams } from "../params/search-params";

// A listing's query read whole, for the page, the JSON API and the CSV alike: the filters
// (pure, lib/params/search-params.ts), then `near` looked up (lib/data/near.ts).

export type ListingRequest = {
  /** With `near` the canonical value of the place found, or null (and sorted by name) when none was. */
  filters: HospitalFilters;
  notices: Notice[];
  /** What `near` was understood as, when one was given. */
  near: NearAnswer | null;
  /** The place distances are measured from. */
  from: NearPlace | null;
  /** The URL's one canonical query string, and whether the parent should be sent there. */
  canonical: string;
  redirect: boolean;
};

export async function readListingRequest(raw: RawParams): Promise<ListingRequest> {
  const vocab = await getFilterNames();
  const parsed = parseHospitalParams(raw, vocab);
  const countries = parsed.filters.country.flatMap((c) => vocab.countryCode.get(c) ?? []);
  const near = parsed.filters.near ? await resolveNear(parsed.filters.near, countries) : null;
  const from = near?.status === "found" ? near.place : null;
  const filters: HospitalFilters = { ...parsed.filters, near: from?.near ?? null, sort: from ? parsed.filters.sort : "name" };
  const canonical = hospitalQueryString(filters);
  // Only an answer with nothing more to say moves to the canonical URL: a choice, a
  // corrected spelling or other places of the same name stay on the page that says so.
  const settled = near === null || (near.status === "found" && near.how === "exact" && near.others.length === 0);
  return { filters, notices: parsed.notices, near, from, canonical, redirect: parsed.notices.length === 0 && settled && canonical !== rawQueryString(raw) };
}

/** For an API answer: what `near` could not be, as notices a program can read. */
export function nearNotices(near: NearAnswer | null): Notice[] {
  if (!near || near.status === "found") return [];
  if (near.status === "none") return [{ param: "near", message: near.message }];
  return [{ param: "near", message: `"${near.asked}" names several places: ${near.options.map((o) => `${o.label} (near=${o.near})`).join("; ")}.` }];
}
