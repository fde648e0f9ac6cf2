import "server-only";
import { prisma } from "./db";
import type { SourceRef } from "./sources";

export type GlossaryView = { slug: string; term: string; aliases: string[]; html: string; source: Omit<SourceRef, "n">; reviewed: string; nextReview: string };

export async function listGlossary(): Promise<GlossaryView[]> {
  const rows = await prisma.glossaryTerm.findMany({ include: { source: true }, orderBy: { term: "asc" } });
  return rows.map((r) => ({
    slug: r.slug,
    term: r.term,
    aliases: JSON.parse(r.aliases) as string[],
    html: r.definition,
    source: { url: r.source.url, title: r.source.title, publisher: r.source.publisher },
    reviewed: r.reviewed,
    nextReview: r.nextReview,
  }));
}

/** The glossary entries with these slugs, in the order asked; a slug the glossary lacks is left out. */
export async function getGlossaryTerms(slugs: string[]): Promise<GlossaryView[]> {
  const all = await listGlossary();
  return slugs.flatMap((s) => all.filter((t) => t.slug === s));
}
