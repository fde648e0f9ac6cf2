import { SEARCH_TABLE, type SearchKind } from "../domain";
import type { ContentModel } from "./validate";

// The site search: an SQLite FTS5 index over every kind of record, built with the store.
// It lives outside prisma/schema.prisma because Prisma has no virtual tables; lib/data/search.ts
// queries it with bound parameters through Prisma's raw SQL.

export const SEARCH_DDL = `CREATE VIRTUAL TABLE "${SEARCH_TABLE}" USING fts5(
  kind UNINDEXED, slug UNINDEXED, title, aliases, body,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
)`;

export type SearchEntry = { kind: SearchKind; slug: string; title: string; aliases: string; body: string };

const join = (parts: (string | undefined | null)[]) => parts.filter(Boolean).join(" · ");

/** One entry per record, with its other names and abbreviations weighted like its title. */
export function searchEntries(model: ContentModel): SearchEntry[] {
  const cities = new Map(model.places.data.cities.map((c) => [c.slug, c]));
  const countries = new Map(model.places.data.countries.map((c) => [c.slug, c.name]));
  const sarcomas = new Map(model.sarcomas.map((s) => [s.slug, s.data]));
  const services = new Map(model.services.data.services.map((s) => [s.slug, s.name]));
  const treatments = new Map(model.treatments.map((t) => [t.slug, t.data.name]));
  const entries: SearchEntry[] = [];

  for (const { slug, data } of model.hospitals) {
    const city = cities.get(data.city);
    entries.push({
      kind: "hospital",
      slug,
      title: data.name,
      aliases: join([data.shortName, city?.name, city ? countries.get(city.country) : undefined, data.region]),
      body: join([
        data.summary,
        ...data.sarcomaTypes.flatMap((l) => [sarcomas.get(l.sarcoma)?.name, ...(sarcomas.get(l.sarcoma)?.otherNames ?? [])]),
        ...data.services.map((l) => services.get(l.service)),
        ...data.treatments.map((l) => treatments.get(l.treatment)),
      ]),
    });
  }
  for (const { slug, data } of model.sarcomas) {
    entries.push({
      kind: "sarcoma",
      slug,
      title: data.name,
      aliases: join(data.otherNames),
      body: join([data.summary, data.ages?.text, data.sites.text, data.genetics.text, data.treatment.text]),
    });
  }
  for (const { slug, data } of model.treatments) {
    entries.push({
      kind: "treatment",
      slug,
      title: data.name,
      aliases: "",
      body: join([data.summary, data.whatItIs.text, data.whenUsed.text, data.forFamily?.text, data.lateEffects?.text]),
    });
  }
  for (const { slug, data } of model.pathways) {
    entries.push({
      kind: "pathway",
      slug,
      title: data.title,
      aliases: "",
      body: join([data.summary, ...data.steps.flatMap((s) => [s.title, s.what.text])]),
    });
  }
  for (const t of model.glossary.data.terms) {
    entries.push({ kind: "glossary", slug: t.slug, title: t.term, aliases: join(t.aliases), body: t.definition });
  }
  return entries;
}
