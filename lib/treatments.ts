import "server-only";
import { cache } from "react";
import { prisma } from "./db";
import { passageInclude, passagesByKey, type PassageView } from "./passages";
import { SourceList, type SourceRef } from "./sources";

export const TREATMENT_KIND_LABELS: Record<string, string> = {
  diagnosis: "Diagnosis and planning",
  surgery: "Surgery",
  radiotherapy: "Radiotherapy",
  chemotherapy: "Chemotherapy",
  "targeted-therapy": "Targeted therapy",
  "clinical-trial": "Clinical trials",
  "follow-up-and-support": "Follow-up and support",
};

export type TreatmentSummary = { slug: string; name: string; summary: string };

export async function listTreatmentGroups(): Promise<{ kind: string; label: string; treatments: TreatmentSummary[] }[]> {
  const rows = await prisma.treatmentOption.findMany({
    select: { slug: true, name: true, summary: true, kind: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  return Object.entries(TREATMENT_KIND_LABELS)
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
  sarcomas: { slug: string; name: string }[];
  hospitals: { slug: string; name: string; city: string; source: SourceRef }[];
  pathways: { slug: string; title: string; step: string; stepSlug: string }[];
  facts: { text: string; kind: string; date: string | null; source: SourceRef }[];
  sources: SourceRef[];
  reviewed: string;
  nextReview: string;
  reviewedBy: string | null;
};

const sourceSelect = { select: { id: true, url: true, title: true, publisher: true } } as const;

export const getTreatment = cache(async (slug: string): Promise<TreatmentPage | null> => {
  const t = await prisma.treatmentOption.findUnique({
    where: { slug },
    include: {
      passages: passageInclude,
      sarcomas: { include: { sarcoma: { select: { slug: true, name: true } } } },
      hospitals: { include: { hospital: { select: { slug: true, name: true, city: { select: { name: true } } } }, source: sourceSelect } },
      steps: { include: { step: { select: { slug: true, title: true, pathway: { select: { slug: true, title: true } } } } } },
      facts: { include: { source: sourceSelect }, orderBy: { position: "asc" } },
    },
  });
  if (!t) return null;
  const list = new SourceList();
  const passages = passagesByKey(t.passages, [...TREATMENT_SECTIONS], list);
  return {
    slug: t.slug,
    name: t.name,
    kind: t.kind,
    kindLabel: TREATMENT_KIND_LABELS[t.kind] ?? t.kind,
    summary: t.summary,
    bodyHtml: t.bodyHtml,
    passages,
    sarcomas: t.sarcomas.map((s) => s.sarcoma).sort((a, b) => a.name.localeCompare(b.name)),
    pathways: t.steps.map((s) => ({ slug: s.step.pathway.slug, title: s.step.pathway.title, step: s.step.title, stepSlug: s.step.slug })),
    facts: t.facts.map((f) => ({ text: f.text, kind: f.kind, date: f.date, source: list.ref(f.source) })),
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
