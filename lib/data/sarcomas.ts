import "server-only";
import { cache } from "react";
import { keysOf, labelOf, SARCOMA_GROUPS } from "../domain";
import { prisma } from "./db";
import { once } from "./memo";
import { passageInclude, passagesByKey, type PassageView } from "./passages";
import { trialsSearchUrl } from "../params/trials";
import { factsInclude, factViews, SourceList, type FactView, type SourceRef } from "./sources";

/** The groups in the order pages show them. */
export const GROUP_ORDER: string[] = keysOf(SARCOMA_GROUPS);

export type SarcomaSummary = { slug: string; name: string; otherNames: string[]; summary: string; parentSlug: string | null };

/** Sarcoma types grouped as parents meet them, each group in its content order. */
export async function listSarcomaGroups(): Promise<{ group: string; label: string; types: SarcomaSummary[] }[]> {
  const rows = await prisma.sarcomaType.findMany({
    select: { slug: true, name: true, otherNames: true, summary: true, group: true, parentSlug: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  return keysOf(SARCOMA_GROUPS).map((group) => ({
    group,
    label: SARCOMA_GROUPS[group],
    types: rows
      .filter((r) => r.group === group)
      .map((r) => ({ slug: r.slug, name: r.name, otherNames: JSON.parse(r.otherNames) as string[], summary: r.summary, parentSlug: r.parentSlug })),
  })).filter((g) => g.types.length > 0);
}

export type SarcomaPage = {
  slug: string;
  name: string;
  otherNames: string[];
  group: string;
  groupLabel: string;
  summary: string;
  bodyHtml: string;
  parent: { slug: string; name: string } | null;
  children: { slug: string; name: string }[];
  passages: Record<string, PassageView>;
  treatments: { slug: string; name: string; summary: string }[];
  pathway: { slug: string; title: string } | null;
  /** ClinicalTrials.gov's search for recruiting trials of this type open to children. */
  trialsUrl: string;
  facts: FactView[];
  sources: SourceRef[];
  reviewed: string;
  nextReview: string;
  reviewedBy: string | null;
};

export const SARCOMA_SECTIONS = ["ages", "sites", "genetics", "treatment"] as const;

export const getSarcoma = cache(async (slug: string): Promise<SarcomaPage | null> => {
  const s = await prisma.sarcomaType.findUnique({
    where: { slug },
    include: {
      parent: { select: { slug: true, name: true } },
      children: { select: { slug: true, name: true }, orderBy: { position: "asc" } },
      passages: passageInclude,
      treatments: { include: { treatment: { select: { slug: true, name: true, summary: true } } }, orderBy: { position: "asc" } },
      pathway: { select: { slug: true, title: true } },
      facts: factsInclude,
    },
  });
  if (!s) return null;
  const list = new SourceList();
  const passages = passagesByKey(s.passages, [...SARCOMA_SECTIONS], list);
  return {
    slug: s.slug,
    name: s.name,
    otherNames: JSON.parse(s.otherNames) as string[],
    group: s.group,
    groupLabel: labelOf(SARCOMA_GROUPS, s.group),
    summary: s.summary,
    bodyHtml: s.bodyHtml,
    parent: s.parent,
    children: s.children,
    passages,
    treatments: s.treatments.map((t) => t.treatment),
    pathway: s.pathway,
    trialsUrl: trialsSearchUrl(s.trialsCondition ?? s.name),
    facts: factViews(s.facts, list),
    sources: list.all(),
    reviewed: s.reviewed,
    nextReview: s.nextReview,
    reviewedBy: s.reviewedBy,
  };
});

export async function listSarcomaSlugs(): Promise<string[]> {
  return (await prisma.sarcomaType.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((r) => r.slug);
}

/** A type's name and the condition ClinicalTrials.gov searches for it by; null for an unknown slug. */
// Every sarcoma type's trials search term, read once per process: a listing "near" a place
// with one type chosen asks for it on each render, and the store does not change while a server runs.
const trialsConditions = once("trials-conditions", async () => {
  const rows = await prisma.sarcomaType.findMany({ select: { slug: true, name: true, trialsCondition: true } });
  return new Map(rows.map((s) => [s.slug, { name: s.name, condition: s.trialsCondition ?? s.name }]));
});

export async function getTrialsCondition(slug: string): Promise<{ name: string; condition: string } | null> {
  return (await trialsConditions()).get(slug) ?? null;
}
