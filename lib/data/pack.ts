import "server-only";
import { prisma } from "./db";
import { once } from "./memo";
import { listGlossary } from "./glossary";
import { getHospital, type HospitalProfile, type SourcedValue } from "./hospital-profile";
import { getPathway } from "./pathways";
import { SourceList, type SourceRef } from "./sources";
import { getSupport, type CountrySupport } from "./support";
import { termsUsed } from "../present/terms-used";

/** The fields a pack prints for each centre, in this order. */
export const PACK_FIELDS = ["address", "postcode", "phone", "website", "referral", "secondOpinion", "internationalPatients"] as const;
type PackField = (typeof PACK_FIELDS)[number];

export type PackCentre = {
  slug: string;
  name: string;
  place: string;
  fields: Partial<Record<PackField, SourcedValue>>;
  networks: { name: string; listDate: string; listDateKind: string; source: SourceRef }[];
  accommodation: HospitalProfile["accommodation"];
  trialsUrl: string;
  reviewed: string;
};

export type PackStep = { slug: string; title: string; questions: string[] };

export type FamilyPack = {
  centres: PackCentre[];
  pathway: { slug: string; title: string; summary: string; steps: PackStep[]; reviewed: string } | null;
  questions: { text: string; source: SourceRef }[];
  support: CountrySupport[];
  glossary: { slug: string; term: string; html: string; source: SourceRef }[];
  sources: SourceRef[];
};

// Every hospital's and pathway's name, for reading a pack link and for its form's choices:
// a few hundred short rows, the same until the store is rebuilt.
const packChoices = once("pack-choices", async () => {
  const [hospitals, pathways] = await Promise.all([
    prisma.hospital.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    prisma.pathway.findMany({ select: { slug: true, title: true }, orderBy: { position: "asc" } }),
  ]);
  return { hospitals: new Map(hospitals.map((h) => [h.slug, h.name])), pathways: new Map(pathways.map((p) => [p.slug, p.title])) };
});

/** The names a pack link may use (every hospital and pathway), for parsePackParams and the form. */
export function getPackChoices(): Promise<{ hospitals: ReadonlyMap<string, string>; pathways: ReadonlyMap<string, string> }> {
  return packChoices();
}

/**
 * One printable page for appointments: the chosen centres' contacts, referral routes and
 * networks; a pathway's steps and questions; the questions to ask a centre; help for
 * families in the centres' countries; and the glossary terms it uses. Every source is
 * numbered once across the whole pack.
 */
export async function getFamilyPack(slugs: string[], pathwaySlug: string | null): Promise<FamilyPack> {
  const list = new SourceList();
  const [profiles, pathway, questionRows, glossary] = await Promise.all([
    Promise.all(slugs.map((s) => getHospital(s))),
    pathwaySlug ? getPathway(pathwaySlug) : null,
    prisma.centreQuestion.findMany({ include: { source: true }, orderBy: { id: "asc" } }),
    listGlossary(),
  ]);
  const again = (ref: SourceRef) => list.ref(ref);

  const centres: PackCentre[] = profiles
    .filter((p): p is HospitalProfile => p !== null)
    .map((h) => {
      const fields: PackCentre["fields"] = {};
      for (const key of PACK_FIELDS) {
        const f = h.fields[key];
        if (f) fields[key] = { ...f, source: again(f.source) };
      }
      return {
        slug: h.slug,
        name: h.name,
        place: `${h.city.name}, ${h.country.name}`,
        fields,
        networks: h.networks.map((n) => ({ name: n.name, listDate: n.listDate, listDateKind: n.listDateKind, source: again(n.source) })),
        accommodation: h.accommodation.map((a) => ({ ...a, source: again(a.source) })),
        trialsUrl: h.trialsUrl,
        reviewed: h.reviewed,
      };
    });

  const steps: PackStep[] =
    // On paper a step is its title and its questions; the pathway's page has the rest.
    pathway?.steps.map((s) => ({ slug: s.slug, title: s.title, questions: s.questions })) ?? [];
  const questions = questionRows.map((q) => ({ text: q.text, source: list.ref(q.source) }));
  const countries = [...new Set(profiles.flatMap((p) => (p ? [p.country.slug] : [])))];
  const support = await getSupport(countries, list);

  // The words the pack prints (an organisation's offers by name only), for its glossary.
  const texts = [
    ...steps.flatMap((s) => [s.title, ...s.questions]),
    ...questions.map((q) => q.text),
    ...centres.flatMap((c) => [...Object.values(c.fields).map((f) => f.value), ...c.accommodation.map((a) => a.note)]),
    ...support.flatMap((c) => c.organisations.map((o) => o.summary)),
  ];
  // Each definition cites its source on the pack's list too.
  const terms = termsUsed(texts, glossary).map((t) => ({ slug: t.slug, term: t.term, html: t.html, source: list.ref(t.source) }));

  return {
    centres,
    pathway: pathway
      ? { slug: pathway.slug, title: pathway.title, summary: pathway.summary, steps, reviewed: pathway.reviewed }
      : null,
    questions,
    support,
    glossary: terms,
    sources: list.all(),
  };
}
