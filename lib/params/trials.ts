// Links to ClinicalTrials.gov's own search, already filtered, rather than a copy of its
// list: trials open and close every week. README ("Clinical trial links") says which
// parameters are used and where each is documented.

export const TRIALS_SEARCH_URL = "https://clinicaltrials.gov/search";

/** Children (birth to 17) and studies recruiting now, in the search's aggregation-filter codes. */
export const CHILD_AND_RECRUITING = "ages:child,status:rec";

/** How far from a typed place the search reaches, in miles (the search's own unit). */
export const TRIALS_DISTANCE_MILES = 100;

/** What a page not about one type searches for: every soft tissue sarcoma, rhabdomyosarcoma included. */
export const SOFT_TISSUE_SARCOMA_CONDITION = "Soft Tissue Sarcoma OR Rhabdomyosarcoma";

/** A centre's town, or a place a family typed (with its position, for the distance). */
export type TrialsPlace =
  | { kind: "city"; city: string; region?: string | null; country: string }
  | { kind: "near"; name: string; region?: string | null; country: string; latitude: number; longitude: number };

/**
 * The search link for a condition (the type's name as ClinicalTrials.gov spells it) and,
 * optionally, a place. Total: any input gives a working link; a missing condition searches
 * for soft tissue sarcoma, so a failed look-up never breaks the page that shows it.
 */
export function trialsSearchUrl(condition?: string | null, place?: TrialsPlace | null): string {
  const params = new URLSearchParams();
  params.set("cond", condition?.trim() || SOFT_TISSUE_SARCOMA_CONDITION);
  params.set("aggFilters", CHILD_AND_RECRUITING);
  if (place && place.country.trim()) {
    const country = place.country.trim();
    const town = (place.kind === "city" ? place.city : place.name).trim();
    const region = place.region?.trim() || null;
    params.set("country", country);
    if (town) {
      params.set("locStr", [town, region, country].filter(Boolean).join(", "));
      if (place.kind === "city") params.set("city", town);
    }
    // The search offers a state only for the United States.
    if (region && country === "United States") params.set("state", region);
    if (place.kind === "near" && Number.isFinite(place.latitude) && Number.isFinite(place.longitude)) {
      params.set("lat", place.latitude.toFixed(4));
      params.set("lng", place.longitude.toFixed(4));
      params.set("distance", String(TRIALS_DISTANCE_MILES));
    }
  }
  return `${TRIALS_SEARCH_URL}?${params.toString().replace(/\+/g, "%20")}`;
}

/** A condition as a link reads it: "soft tissue sarcoma or rhabdomyosarcoma". */
export function trialsLabel(condition: string): string {
  return condition.replace(/\bOR\b/g, "or").toLowerCase();
}
