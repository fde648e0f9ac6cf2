// The directory's fixed words, shared by the content build (lib/content/) and the pages'
// queries (lib/data/): the values the content format allows, each with the words a page
// uses for it, and the names of the store's tables that prisma/schema.prisma cannot hold.
// The content schema builds its enums from these keys, so a label cannot drift from the
// schema, and request-time code never has to import the build's schema to name a value.

/** The keys of a label map, as the non-empty tuple z.enum() takes. */
export function keysOf<K extends string>(labels: Record<K, unknown>): [K, ...K[]] {
  return Object.keys(labels) as [K, ...K[]];
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A sourced fact is plain, a hospital's own claim (shown attributed to it), or a change in progress. */
export const FACT_KINDS = {
  fact: null,
  claim: "The hospital's own description",
  change: "Change in progress",
} as const satisfies Record<string, string | null>;
export type FactKind = keyof typeof FACT_KINDS;

/** Hospital fields that hold one sourced value each, in the order a profile shows them. */
export const HOSPITAL_FIELDS = [
  "kind",
  "address",
  "postcode",
  "phone",
  "website",
  "oncologyService",
  "agesServed",
  "referral",
  "secondOpinion",
  "internationalPatients",
  "team",
] as const;
export type HospitalFieldKey = (typeof HOSPITAL_FIELDS)[number];

/**
 * What a network's source says its members treat: every type of children's cancer, or soft
 * tissue sarcoma. Members then count for a sarcoma type in the second tier of the filter.
 */
export const NETWORK_SCOPES = {
  "all-childhood-cancers": "every type of children's cancer",
  "soft-tissue-sarcoma": "soft tissue sarcoma",
} as const;
export type NetworkScope = keyof typeof NETWORK_SCOPES;

/** Sarcoma types in the groups parents meet them in, in this order. */
export const SARCOMA_GROUPS = {
  rhabdomyosarcoma: "Rhabdomyosarcoma and its subtypes",
  "non-rhabdomyosarcoma": "Non-rhabdomyosarcoma soft tissue sarcomas",
  related: "Related tumours",
} as const;
export type SarcomaGroup = keyof typeof SARCOMA_GROUPS;

/** Treatment options by kind, in the order a family meets them. */
export const TREATMENT_KINDS = {
  diagnosis: "Diagnosis and planning",
  surgery: "Surgery",
  radiotherapy: "Radiotherapy",
  chemotherapy: "Chemotherapy",
  "targeted-therapy": "Targeted therapy",
  "clinical-trial": "Clinical trials",
  "follow-up-and-support": "Follow-up and support",
} as const;
export type TreatmentKind = keyof typeof TREATMENT_KINDS;

/** What a support organisation is. */
export const SUPPORT_KINDS = {
  charity: "Charity",
  "government-scheme": "Government scheme",
  "public-service": "Public service",
} as const;
export type SupportKind = keyof typeof SUPPORT_KINDS;

/** What a support organisation offers families, as a page names it. */
export const SUPPORT_OFFERS = {
  helpline: "Helpline",
  information: "Information",
  grants: "Grants and money",
  "travel-costs": "Travel costs",
  accommodation: "Places to stay",
  "sibling-support": "Support for brothers and sisters",
  "emotional-support": "Emotional support",
  "peer-support": "Meeting other families",
  "social-work": "Social workers",
  "practical-help": "Practical help",
  counselling: "Counselling",
} as const;
export type SupportOfferKind = keyof typeof SUPPORT_OFFERS;

/** The kinds of record the site search finds, as its results page heads them. */
export const SEARCH_KINDS = {
  hospital: "Hospitals",
  sarcoma: "Sarcoma types",
  treatment: "Treatments",
  pathway: "Pathways",
  glossary: "Glossary",
} as const;
export type SearchKind = keyof typeof SEARCH_KINDS;

/** Whether a label map has this key (a value from a URL or a row, checked before use). */
export function isKeyOf<K extends string>(labels: Record<K, unknown>, value: string): value is K {
  return Object.hasOwn(labels, value);
}

/** The label for a value read from the store, or the value itself where the map has none. */
export function labelOf<K extends string>(labels: Record<K, string>, value: string): string {
  return isKeyOf(labels, value) ? labels[value] : value;
}

// FTS5 tables: Prisma has no virtual tables, so the content build creates these itself
// (lib/content/store.ts) and queries read them with raw SQL and bound parameters.
/** The site search's index over every kind of record (lib/content/search-index.ts). */
export const SEARCH_TABLE = "SearchIndex";
/** Every distinct place name by its trigrams, for spellings a little off (lib/content/place-rows.ts). */
export const PLACE_SEARCH_TABLE = "PlaceSearch";
