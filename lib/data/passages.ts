import { sourceSelect, type SourceList, type SourceRef } from "./sources";

/** A passage of our prose, as sanitised HTML, with the sources behind it. */
export type PassageView = { html: string; unverified: boolean; sources: SourceRef[] };

type PassageRow = {
  key: string;
  text: string;
  unverified: boolean;
  sources: { position: number; source: { id: number; url: string; title: string; publisher: string } }[];
};

export const passageInclude = {
  include: { sources: { include: { source: sourceSelect } } },
} as const;

/** Passages by key, their sources numbered on the page's SourceList in reading order. */
export function passagesByKey(rows: PassageRow[], order: string[], list: SourceList): Record<string, PassageView> {
  const out: Record<string, PassageView> = {};
  for (const key of order) {
    const row = rows.find((r) => r.key === key);
    if (!row) continue;
    out[key] = {
      html: row.text,
      unverified: row.unverified,
      sources: [...row.sources].sort((a, b) => a.position - b.position).map((s) => list.ref(s.source)),
    };
  }
  return out;
}
