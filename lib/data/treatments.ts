import "server-only";
import { cache } from "react";
import { labelOf, TREATMENT_KINDS } from "../domain";
import { prisma } from "./db";
import { passageInclude, passagesByKey, type PassageView } from "./passages";
import { factsInclude, factViews, SourceList, sourceSelect, type FactView, type SourceRef } from "./sources";


export type TreatmentSummary = { slug: string; name: string; summary: string };

export async function listTreatmentGroups(): Promise<{ kind: string; label: string; treatments: TreatmentSummary[] }[]> {
  const rows = await prisma.treatmentOption.findMany({
    select: { slug: true, name: true, summary: true, kind: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  return Object.entries(TREATMENT_KINDS)
    .map(([kind, label]) => ({ kind, label, treatments: rows.filter((r) => r.kind === kind).map(({ kind: _k, ...t }) => t) }))
    .filter((g) => g.treatments.length > 0);
}

export const TREATMENT_SECTIONS = ["whatItIs", "whenUsed", "forFamily", "lateEffects", "evidence"] as const;

export type TreatmentPage = {
  slug: string;
  name: string;
  kind: string;
  kindLabel: string;
  summary: string;
  bodyHtml: string;
  passages: Record<string, PassageView>;
  sarcomaTypes: { slug: string; name: string }[];
  hospitals: { slug: string; name: string; city: string; source: SourceRef }[];
  pathways: { slug: string; title: string; step: string; stepSlug: string }[];
  facts: FactView[];
  sources: SourceRef[];
  reviewed: string;
  nextReview: string;
  reviewedBy: string | null;
};


export const getTreatment = cache(async (slug: string): Promise<TreatmentPage | null> => {
  const t = await prisma.treatmentOption.findUnique({
    where: { slug },
    include: {
      passages: passageInclude,
      sarcomaTypes: { include: { sarcoma: { select: { slug: true, name: true } } } },
      hospitals: { include: { hospital: { select: { slug: true, name: true, city: { select: { name: true } } } }, source: sourceSelect } },
      steps: { include: { step: { select: { slug: true, title: true, pathway: { select: { slug: true, title: true } } } } } },
      facts: factsInclude,
    },
  });
  if (!t) return null;
  const list = new SourceList();
  const passages = passagesByKey(t.passages, [...TREATMENT_SECTIONS], list);
  return {
    slug: t.slug,
    name: t.name,
    kind: t.kind,
    kindLabel: labelOf(TREATMENT_KINDS, t.kind),
    summary: t.summary,
    bodyHtml: t.bodyHtml,
    passages,
    sarcomaTypes: t.sarcomaTypes.map((s) => s.sarcoma).sort((a, b) => a.name.localeCompare(b.name)),
    pathways: t.steps.map((s) => ({ slug: s.step.pathway.slug, title: s.step.pathway.title, step: s.step.title, stepSlug: s.step.slug })),
    facts: factViews(t.facts, list),
    hospitals: t.hospitals
      .map((h) => ({ slug: h.hospital.slug, name: h.hospital.name, city: h.hospital.city.name, source: list.ref(h.source) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    sources: list.all(),
    reviewed: t.reviewed,
    nextReview: t.nextReview,
    reviewedBy: t.reviewedBy,
  };
});

export async function listTreatmentSlugs(): Promise<string[]> {
  return (await prisma.treatmentOption.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((r) => r.slug);
}
