import "server-only";
import { cache } from "react";
import { prisma } from "./db";
import { passageInclude, passagesByKey, type PassageView } from "./passages";
import { trialsSearchUrl } from "../params/trials";
import { factsInclude, factViews, SourceList, type FactView, type SourceRef } from "./sources";

export async function listPathways(): Promise<{ slug: string; title: string; summary: string; steps: number }[]> {
  const rows = await prisma.pathway.findMany({
    select: { slug: true, title: true, summary: true, _count: { select: { steps: true } } },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
  });
  return rows.map((r) => ({ slug: r.slug, title: r.title, summary: r.summary, steps: r._count.steps }));
}

export type StepView = {
  slug: string;
  title: string;
  passages: Record<string, PassageView>;
  questions: string[];
  treatments: { slug: string; name: string; kind: string }[];
  /** Whether the step is about clinical trials: it links a trial option, or asks about trials. */
  aboutTrials: boolean;
};

export type PathwayPage = {
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  steps: StepView[];
  sarcomaTypes: { slug: string; name: string }[];
  /** ClinicalTrials.gov's search for recruiting children's trials of the pathway's condition. */
  trialsUrl: string;
  trialsCondition: string;
  facts: FactView[];
  sources: SourceRef[];
  reviewed: string;
  nextReview: string;
  reviewedBy: string | null;
};

export const STEP_SECTIONS = ["what", "who", "duration"] as const;

export const getPathway = cache(async (slug: string): Promise<PathwayPage | null> => {
  const p = await prisma.pathway.findUnique({
    where: { slug },
    include: {
      steps: {
        orderBy: { position: "asc" },
        include: {
          passages: passageInclude,
          treatments: { include: { treatment: { select: { slug: true, name: true, kind: true } } }, orderBy: { position: "asc" } },
        },
      },
      sarcomaTypes: { select: { slug: true, name: true }, orderBy: { position: "asc" } },
      facts: factsInclude,
    },
  });
  if (!p) return null;
  const list = new SourceList();
  const steps = p.steps.map((s) => {
    const questions = JSON.parse(s.questions) as string[];
    return {
    slug: s.slug,
    title: s.title,
    passages: passagesByKey(s.passages, [...STEP_SECTIONS], list),
    questions,
    treatments: s.treatments.map((t) => t.treatment),
    aboutTrials: s.treatments.some((t) => t.treatment.kind === "clinical-trial") || questions.some((q) => /\btrials?\b/i.test(q)),
    };
  });
  return {
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    bodyHtml: p.bodyHtml,
    steps,
    sarcomaTypes: p.sarcomaTypes,
    trialsUrl: trialsSearchUrl(p.trialsCondition),
    trialsCondition: p.trialsCondition,
    facts: factViews(p.facts, list),
    sources: list.all(),
    reviewed: p.reviewed,
    nextReview: p.nextReview,
    reviewedBy: p.reviewedBy,
  };
});

export async function listPathwaySlugs(): Promise<string[]> {
  return (await prisma.pathway.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((r) => r.slug);
}
