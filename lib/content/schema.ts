import { z } from "zod";
import { FACT_KINDS, keysOf, NETWORK_SCOPES, SARCOMA_GROUPS, SLUG, SUPPORT_KINDS, SUPPORT_OFFERS, TREATMENT_KINDS } from "../domain";

// The one definition of the content format. content/README.md documents it;
// scripts/content-build.ts validates every file against it before writing anything.

export const slug = z.string().regex(SLUG, "expected a kebab-case slug (a-z, 0-9 and single hyphens)");

const isoDate = z
  .string({ error: "expected a date written as YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date written as YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "expected a real calendar date");

const text = z.string({ error: "expected text" }).trim().min(1, "expected non-empty text");

export const sourceSchema = z.strictObject({
  id: slug,
  url: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }),
  // Link text for the source: a short description of the page, in our words.
  title: text,
  publisher: text.optional(),
  // A third-party directory (not the hospital or a health body): values taken from it
  // must be flagged `unverified: true`.
  directory: z.boolean().optional(),
});
export type SourceInput = z.infer<typeof sourceSchema>;

/** Review metadata every fact-bearing record carries. */
const review = {
  reviewed: isoDate,
  nextReview: isoDate,
  // Name and role of a clinician who checked the record. Absent means it was compiled
  // from public sources and not clinically reviewed, and pages say so.
  reviewedBy: text.optional(),
  sources: z.array(sourceSchema).min(1, "expected at least one source"),
};

/** Prose in our own words, with the sources that support it. */
export const sourcedText = z.strictObject({
  text,
  sources: z.array(slug).min(1, "expected at least one source id"),
  unverified: z.boolean().optional(),
});

/** A single value (address, phone, ...) with the one source it came from. */
export const sourcedValue = z.strictObject({
  value: text,
  source: slug,
  label: text.optional(),
  unverified: z.boolean().optional(),
});

export const factSchema = z.strictObject({
  text,
  source: slug,
  // "claim": the hospital's own description of itself, shown attributed to it.
  // "change": something in progress (a move, a merger), with the date the source gives.
  kind: z.enum(keysOf(FACT_KINDS)).default("fact"),
  date: isoDate.optional(),
});

const linkTo = <K extends string>(key: K) =>
  z.strictObject({ [key]: slug, source: slug, note: text.optional() } as Record<K, typeof slug> & {
    source: typeof slug;
    note: z.ZodOptional<typeof text>;
  });

/** A service link: offered where a source says so; `available: false` only where a source says it is not. */
const serviceLink = z.strictObject({ service: slug, source: slug, note: text.optional(), available: z.boolean().default(true) });

/** Membership of a network, sourced by the page that lists the centre. */
const networkLink = z.strictObject({ network: slug, source: slug, note: text.optional() });

export const hospitalSchema = z.strictObject({
  name: text,
  shortName: text,
  kind: sourcedValue.optional(),
  city: slug,
  // The source that gives the city: required unless the sourced address does.
  citySource: slug.optional(),
  region: text.optional(),
  summary: text,
  coordinates: z
    .strictObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      source: slug,
    })
    .optional(),
  address: sourcedValue.optional(),
  postcode: sourcedValue.optional(),
  phone: sourcedValue.optional(),
  website: sourcedValue.optional(),
  // What the centre's own page says it offers children with cancer.
  oncologyService: sourcedValue.optional(),
  referral: sourcedValue.optional(),
  secondOpinion: sourcedValue.optional(),
  internationalPatients: sourcedValue.optional(),
  agesServed: sourcedValue.optional(),
  team: sourcedValue.optional(),
  sarcomaTypes: z.array(linkTo("sarcoma")).default([]),
  services: z.array(serviceLink).default([]),
  treatments: z.array(linkTo("treatment")).default([]),
  networks: z.array(networkLink).default([]),
  facts: z.array(factSchema).default([]),
  // Places for families to stay that a source names for this centre.
  accommodation: z.array(z.strictObject({ name: text, note: text, source: slug, unverified: z.boolean().optional() })).default([]),
  ...review,
});
export type HospitalInput = z.infer<typeof hospitalSchema>;

export const networkSchema = z.strictObject({
  name: text,
  shortName: text,
  country: slug.optional(),
  summary: text,
  about: sourcedText,
  membership: sourcedText,
  covers: z.strictObject({ scope: z.enum(keysOf(NETWORK_SCOPES)), text, source: slug }).optional(),
  // The list that names the members, and its date: "published" by the list, or "seen" by us.
  list: z.strictObject({ source: slug, date: isoDate, dateKind: z.enum(["published", "seen"]) }),
  website: sourcedValue.optional(),
  ...review,
});
export type NetworkInput = z.infer<typeof networkSchema>;

export const sarcomaSchema = z.strictObject({
  name: text,
  otherNames: z.array(text).default([]),
  group: z.enum(keysOf(SARCOMA_GROUPS)),
  parent: slug.optional(),
  order: z.number().int().min(0),
  // The condition as ClinicalTrials.gov spells it, where it differs from `name`.
  trialsCondition: text.optional(),
  summary: text,
  ages: sourcedText.optional(),
  sites: sourcedText,
  genetics: sourcedText,
  treatment: sourcedText,
  treatments: z.array(slug).default([]),
  pathway: slug.optional(),
  facts: z.array(factSchema).default([]),
  ...review,
});
export type SarcomaInput = z.infer<typeof sarcomaSchema>;

export const treatmentSchema = z.strictObject({
  name: text,
  kind: z.enum(keysOf(TREATMENT_KINDS)),
  order: z.number().int().min(0),
  summary: text,
  whatItIs: sourcedText,
  whenUsed: sourcedText,
  forFamily: sourcedText.optional(),
  lateEffects: sourcedText.optional(),
  // The strength of the evidence in plain words, saying who it is about.
  evidence: sourcedText,
  facts: z.array(factSchema).default([]),
  ...review,
});
export type TreatmentInput = z.infer<typeof treatmentSchema>;

export const stepSchema = z.strictObject({
  slug,
  title: text,
  what: sourcedText,
  who: sourcedText,
  duration: sourcedText.optional(),
  questions: z.array(text).min(1, "expected at least one question to ask the care team"),
  treatments: z.array(slug).default([]),
});

export const pathwaySchema = z.strictObject({
  title: text,
  order: z.number().int().min(0),
  // The condition its trial links search for, as ClinicalTrials.gov spells it.
  trialsCondition: text,
  summary: text,
  steps: z.array(stepSchema).min(2, "expected at least two steps"),
  facts: z.array(factSchema).default([]),
  ...review,
});
export type PathwayInput = z.infer<typeof pathwaySchema>;

export const glossarySchema = z.strictObject({
  terms: z
    .array(
      z.strictObject({
        slug,
        term: text,
        aliases: z.array(text).default([]),
        definition: text,
        source: slug,
      }),
    )
    .min(1),
  ...review,
});


const unverified = z.boolean().optional();

/** A national charity, public service or government scheme that helps families. */
export const supportSchema = z.strictObject({
  name: text,
  country: slug,
  kind: z.enum(keysOf(SUPPORT_KINDS)),
  website: z.strictObject({ value: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }), source: slug, unverified }),
  summary: text,
  summarySource: slug,
  offers: z.array(z.strictObject({ what: z.enum(keysOf(SUPPORT_OFFERS)), detail: text, source: slug, unverified })).min(1, "expected at least one sourced offer"),
  contact: z
    .strictObject({
      phone: z.strictObject({ value: text, label: text, hours: text.optional(), source: slug, unverified }).optional(),
      email: z.strictObject({ value: z.email({ error: "expected an email address" }), source: slug, unverified }).optional(),
    })
    .default({}),
  ...review,
});
export type SupportInput = z.infer<typeof supportSchema>;

/** The questions a family could ask a centre, each resting on a page that suggests asking it. */
export const centreQuestionsSchema = z.strictObject({
  questions: z.array(z.strictObject({ text, source: slug })).min(3, "expected at least three questions"),
  ...review,
});

export const servicesSchema = z.strictObject({
  services: z
    .array(z.strictObject({ slug, name: text, description: text }))
    .min(1),
});

export const placesSchema = z.strictObject({
  countries: z
    .array(
      z.strictObject({
        slug,
        name: text,
        code: z.string().regex(/^[A-Z]{2}$/, "expected a two-letter ISO country code"),
      }),
    )
    .min(1),
  // A city's position is the gazetteer's (GeoNames, by name within its country, `admin`
  // region or `geonameId` where the name is shared), or a sourced latitude and longitude.
  cities: z
    .array(
      z
        .strictObject({
          slug,
          name: text,
          country: slug,
          // GeoNames' spelling where it differs from the name we show ("Genève" for Geneva).
          gazetteerName: text.optional(),
          admin: z.string().regex(/^[A-Z0-9]{1,3}$/, "expected a region code such as IL, ON or NSW").optional(),
          geonameId: z.number().int().positive().optional(),
          latitude: z.number().min(-90).max(90).optional(),
          longitude: z.number().min(-180).max(180).optional(),
          source: slug.optional(),
        })
        .refine(
          (c) => (c.latitude === undefined) === (c.longitude === undefined) && (c.latitude === undefined) === (c.source === undefined),
          { message: "expected latitude, longitude and source together (a sourced position), or none of them (the gazetteer's)" },
        ),
    )
    .min(1),
  sources: z.array(sourceSchema).default([]),
});
