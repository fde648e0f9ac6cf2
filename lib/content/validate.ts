import path from "node:path";
import rs from "text-readability";
import type { z } from "zod";
import { listMarkdown, readContentFile, zodProblems, type Problem, type RawFile } from "./read";
import { resolveCities, type CityPosition, type Places } from "./places";
import { checkReview, checkSources, duplicates, refCheck, type Overdue } from "./checks";
import { checkSameCentre } from "./same-centre";
import { checkSupport } from "./support";
import {
  centreQuestionsSchema,
  glossarySchema,
  hospitalSchema,
  networkSchema,
  pathwaySchema,
  placesSchema,
  sarcomaSchema,
  servicesSchema,
  supportSchema,
  treatmentSchema,
  type HospitalInput,
  type NetworkInput,
  type PathwayInput,
  type SarcomaInput,
  type SupportInput,
  type TreatmentInput,
} from "./schema";
import { HOSPITAL_FIELDS } from "../domain";

export const MAX_SUMMARY_GRADE = 10;

export type Record_<T> = { file: string; slug: string; data: T; body: string };
export type Glossary = z.infer<typeof glossarySchema>;
export type { CityPosition, Overdue, Places };
export type Services = z.infer<typeof servicesSchema>;
export type CentreQuestions = z.infer<typeof centreQuestionsSchema>;

/** Everything in content/, validated and cross-checked: the input to the store writer. */
export type ContentModel = {
  hospitals: Record_<HospitalInput>[];
  networks: Record_<NetworkInput>[];
  cityPositions: ReadonlyMap<string, CityPosition>;
  sarcomas: Record_<SarcomaInput>[];
  treatments: Record_<TreatmentInput>[];
  pathways: Record_<PathwayInput>[];
  support: Record_<SupportInput>[];
  glossary: Record_<Glossary>;
  centreQuestions: Record_<CentreQuestions>;
  services: Record_<Services>;
  places: Record_<Places>;
};

export type Grade = { file: string; grade: number };

export type ValidationResult =
  | { ok: true; model: ContentModel; grades: Grade[]; overdue: Overdue[] }
  | { ok: false; problems: Problem[]; grades: Grade[]; overdue: Overdue[] };

function displayPath(contentDir: string, ...parts: string[]): string {
  const rel = path.relative(process.cwd(), path.join(contentDir, ...parts));
  return rel.startsWith("..") ? path.join(contentDir, ...parts) : rel;
}

function parse<S extends z.ZodType>(
  schema: S,
  raw: RawFile,
  problems: Problem[],
): Record_<z.infer<S>> | null {
  const result = schema.safeParse(raw.data, { reportInput: true });
  if (!result.success) {
    problems.push(...zodProblems(raw.file, result.error));
    return null;
  }
  return { file: raw.file, slug: raw.slug, data: result.data, body: raw.body };
}

function loadFolder<S extends z.ZodType>(contentDir: string, folder: string, schema: S, problems: Problem[]) {
  const out: Record_<z.infer<S>>[] = [];
  const names = listMarkdown(path.join(contentDir, folder));
  // A file that fails validation still exists: references to it are not reported twice.
  const slugs = new Set(names.map((n) => n.slice(0, -".md".length)));
  for (const name of names) {
    const raw = readContentFile(path.join(contentDir, folder, name), displayPath(contentDir, folder, name));
    if ("message" in raw) problems.push(raw);
    else {
      const rec = parse(schema, raw, problems);
      if (rec) out.push(rec);
    }
  }
  return Object.assign(out, { slugs });
}

function loadSingle<S extends z.ZodType>(contentDir: string, name: string, schema: S, problems: Problem[]) {
  const file = displayPath(contentDir, name);
  const abs = path.join(contentDir, name);
  try {
    const raw = readContentFile(abs, file);
    if ("message" in raw) {
      problems.push(raw);
      return null;
    }
    return parse(schema, raw, problems);
  } catch {
    problems.push({ file, message: "the file is missing: it is required" });
    return null;
  }
}

type Sourced = { text: string; sources: string[]; unverified?: boolean } | undefined;

function sourcedUses(prefix: string, fields: Record<string, Sourced>) {
  return Object.entries(fields).flatMap(([key, v]) =>
    v ? v.sources.map((id, i) => ({ field: `${prefix}${key}.sources[${i}]`, id, unverified: v.unverified })) : [],
  );
}

function factUses(facts: { source: string; kind: string; date?: string }[], file: string, problems: Problem[], prefix = "") {
  return facts.map((f, i) => {
    if (f.kind === "change" && !f.date) {
      problems.push({ file, field: `${prefix}facts[${i}].date`, message: "is required for a change: expected the date the source gives (YYYY-MM-DD)" });
    }
    return { field: `${prefix}facts[${i}].source`, id: f.source };
  });
}

export function summaryGrade(text: string): number {
  return Math.round(rs.fleschKincaidGrade(text) * 10) / 10;
}

/** Reads and validates the whole content folder, reporting every problem at once. */
export function validateContent(contentDir: string, today: string): ValidationResult {
  const problems: Problem[] = [];
  const grades: Grade[] = [];
  const overdue: Overdue[] = [];

  const places = loadSingle(contentDir, "places.md", placesSchema, problems);
  const services = loadSingle(contentDir, "services.md", servicesSchema, problems);
  const glossary = loadSingle(contentDir, "glossary.md", glossarySchema, problems);
  const centreQuestions = loadSingle(contentDir, "centre-questions.md", centreQuestionsSchema, problems);
  const hospitals = loadFolder(contentDir, "hospitals", hospitalSchema, problems);
  const sarcomas = loadFolder(contentDir, "sarcomas", sarcomaSchema, problems);
  const treatments = loadFolder(contentDir, "treatments", treatmentSchema, problems);
  const pathways = loadFolder(contentDir, "pathways", pathwaySchema, problems);
  const networks = loadFolder(contentDir, "networks", networkSchema, problems);
  const support = loadFolder(contentDir, "support", supportSchema, problems);

  const countries = new Set(places?.data.countries.map((c) => c.slug));
  const cities = new Set(places?.data.cities.map((c) => c.slug));
  const serviceSlugs = new Set(services?.data.services.map((s) => s.slug));
  const sarcomaSlugs = sarcomas.slugs;
  const treatmentSlugs = treatments.slugs;
  const pathwaySlugs = pathways.slugs;
  const networkSlugs = networks.slugs;
  const cityPositions = new Map<string, CityPosition>();

  if (places) {
    const { file, data } = places;
    duplicates(data.countries, (c) => c.slug, (i, k) => problems.push({ file, field: `countries[${i}].slug`, message: `duplicate slug "${k}"` }));
    duplicates(data.cities, (c) => c.slug, (i, k) => problems.push({ file, field: `cities[${i}].slug`, message: `duplicate slug "${k}"` }));
    // A filter lists cities by name, so two cities of one name could not be told apart.
    duplicates(data.cities, (c) => c.name.toLowerCase(), (i, k) =>
      problems.push({ file, field: `cities[${i}].name`, message: `two cities are named "${k}": expected the region in the name (for example "London, Ontario"), with gazetteerName for GeoNames' spelling` }),
    );
    data.cities.forEach((c, i) => refCheck(file, `cities[${i}].country`, c.country, countries, "country slugs in places.md", problems));
    checkSources(
      file,
      data.sources,
      data.cities.flatMap((c, i) => (c.source ? [{ field: `cities[${i}].source`, id: c.source }] : [])),
      problems,
    );
    resolveCities(file, data, cityPositions, problems);
  }
  if (services) {
    duplicates(services.data.services, (s) => s.slug, (i, k) =>
      problems.push({ file: services.file, field: `services[${i}].slug`, message: `duplicate slug "${k}"` }),
    );
  }
  if (glossary) {
    const { file, data } = glossary;
    duplicates(data.terms, (t) => t.slug, (i, k) => problems.push({ file, field: `terms[${i}].slug`, message: `duplicate slug "${k}"` }));
    duplicates(
      data.terms.flatMap((t) => [t.term, ...t.aliases].map((w) => ({ w: w.toLowerCase(), i: data.terms.indexOf(t) }))),
      (x) => x.w,
      (_, k) => problems.push({ file, field: "terms", message: `the word "${k}" names two terms: expected each term and alias once` }),
    );
    checkSources(file, data.sources, data.terms.map((t, i) => ({ field: `terms[${i}].source`, id: t.source })), problems);
    checkReview(file, data, today, problems, overdue);
  }

  for (const { file, data } of hospitals) {
    if (places) refCheck(file, "city", data.city, cities, "city slugs in places.md", problems);
    const uses: { field: string; id: string; unverified?: boolean }[] = [];
    for (const key of HOSPITAL_FIELDS) {
      const v = data[key];
      if (v) uses.push({ field: `${key}.source`, id: v.source, unverified: v.unverified });
    }
    if (data.phone && !data.phone.label) {
      problems.push({ file, field: "phone.label", message: 'is required: expected what the number is (for example "main switchboard")' });
    }
    if (data.coordinates) uses.push({ field: "coordinates.source", id: data.coordinates.source });
    if (data.citySource) uses.push({ field: "citySource", id: data.citySource });
    else if (!data.address) {
      problems.push({ file, field: "citySource", message: "is required when there is no sourced address: expected the id of the source that gives the city" });
    }
    data.networks.forEach((l, i) => {
      refCheck(file, `networks[${i}].network`, l.network, networkSlugs, "network slugs in content/networks/", problems);
      uses.push({ field: `networks[${i}].source`, id: l.source });
    });
    duplicates(data.networks, (l) => l.network, (i, k) => problems.push({ file, field: `networks[${i}].network`, message: `"${k}" is listed twice` }));
    if (data.networks.length === 0 && data.sarcomaTypes.length === 0 && !data.oncologyService) {
      problems.push({
        file,
        field: "networks",
        message:
          "expected a source that the centre treats children with cancer: a network membership (networks), a sarcoma type its pages name (sarcomaTypes), or its own page (oncologyService)",
      });
    }
    data.sarcomaTypes.forEach((l, i) => {
      refCheck(file, `sarcomaTypes[${i}].sarcoma`, l.sarcoma, sarcomaSlugs, "sarcoma type slugs in content/sarcomas/", problems);
      uses.push({ field: `sarcomaTypes[${i}].source`, id: l.source });
    });
    data.services.forEach((l, i) => {
      if (services) refCheck(file, `services[${i}].service`, l.service, serviceSlugs, "service slugs in services.md", problems);
      uses.push({ field: `services[${i}].source`, id: l.source });
    });
    data.treatments.forEach((l, i) => {
      refCheck(file, `treatments[${i}].treatment`, l.treatment, treatmentSlugs, "treatment option slugs in content/treatments/", problems);
      uses.push({ field: `treatments[${i}].source`, id: l.source });
    });
    duplicates(data.sarcomaTypes, (l) => l.sarcoma, (i, k) => problems.push({ file, field: `sarcomaTypes[${i}].sarcoma`, message: `"${k}" is listed twice` }));
    duplicates(data.services, (l) => l.service, (i, k) => problems.push({ file, field: `services[${i}].service`, message: `"${k}" is listed twice` }));
    duplicates(data.treatments, (l) => l.treatment, (i, k) => problems.push({ file, field: `treatments[${i}].treatment`, message: `"${k}" is listed twice` }));
    data.accommodation.forEach((a, i) => uses.push({ field: `accommodation[${i}].source`, id: a.source, unverified: a.unverified }));
    uses.push(...factUses(data.facts, file, problems));
    checkSources(file, data.sources, uses, problems);
    checkReview(file, data, today, problems, overdue);
    const grade = summaryGrade(data.summary);
    grades.push({ file, grade });
    if (grade > MAX_SUMMARY_GRADE) {
      problems.push({ file, field: "summary", message: `reads at Flesch-Kincaid grade ${grade}: expected ${MAX_SUMMARY_GRADE} or below (shorter sentences, plainer words)` });
    }
  }

  checkSameCentre(hospitals, problems);

  for (const { file, data } of networks) {
    if (data.country && places) refCheck(file, "country", data.country, countries, "country slugs in places.md", problems);
    const uses = [
      ...sourcedUses("", { about: data.about, membership: data.membership }),
      { field: "list.source", id: data.list.source },
      ...(data.covers ? [{ field: "covers.source", id: data.covers.source }] : []),
      ...(data.website ? [{ field: "website.source", id: data.website.source, unverified: data.website.unverified }] : []),
    ];
    checkSources(file, data.sources, uses, problems);
    checkReview(file, data, today, problems, overdue);
  }

  for (const { file, data } of sarcomas) {
    if (data.parent) refCheck(file, "parent", data.parent, sarcomaSlugs, "sarcoma type slugs", problems);
    if (data.pathway) refCheck(file, "pathway", data.pathway, pathwaySlugs, "pathway slugs in content/pathways/", problems);
    data.treatments.forEach((t, i) => refCheck(file, `treatments[${i}]`, t, treatmentSlugs, "treatment option slugs in content/treatments/", problems));
    duplicates(data.treatments, (t) => t, (i, k) => problems.push({ file, field: `treatments[${i}]`, message: `"${k}" is listed twice` }));
    const uses = [
      ...sourcedUses("", { ages: data.ages, sites: data.sites, genetics: data.genetics, treatment: data.treatment }),
      ...factUses(data.facts, file, problems),
    ];
    checkSources(file, data.sources, uses, problems);
    checkReview(file, data, today, problems, overdue);
  }

  for (const { file, data } of treatments) {
    const uses = [
      ...sourcedUses("", {
        whatItIs: data.whatItIs,
        whenUsed: data.whenUsed,
        forFamily: data.forFamily,
        lateEffects: data.lateEffects,
        evidence: data.evidence,
      }),
      ...factUses(data.facts, file, problems),
    ];
    checkSources(file, data.sources, uses, problems);
    checkReview(file, data, today, problems, overdue);
  }

  for (const { file, data } of pathways) {
    duplicates(data.steps, (s) => s.slug, (i, k) => problems.push({ file, field: `steps[${i}].slug`, message: `duplicate step slug "${k}"` }));
    const uses: { field: string; id: string; unverified?: boolean }[] = data.steps.flatMap((step, i) => {
      step.treatments.forEach((t, j) =>
        refCheck(file, `steps[${i}].treatments[${j}]`, t, treatmentSlugs, "treatment option slugs in content/treatments/", problems),
      );
      return sourcedUses(`steps[${i}].`, { what: step.what, who: step.who, duration: step.duration });
    });
    uses.push(...factUses(data.facts, file, problems));
    checkSources(file, data.sources, uses, problems);
    checkReview(file, data, today, problems, overdue);
  }

  if (centreQuestions) {
    const { file, data } = centreQuestions;
    checkSources(file, data.sources, data.questions.map((q, i) => ({ field: `questions[${i}].source`, id: q.source })), problems);
    checkReview(file, data, today, problems, overdue);
  }
  for (const { file, data } of support) checkSupport(file, data, places ? countries : null, today, problems, overdue);

  if (problems.length > 0 || !places || !services || !glossary || !centreQuestions) {
    return { ok: false, problems, grades, overdue };
  }
  return {
    ok: true,
    model: { hospitals, networks, cityPositions, sarcomas, treatments, pathways, support, glossary, centreQuestions, services, places },
    grades,
    overdue,
  };
}
