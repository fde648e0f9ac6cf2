import type { FactKind } from "../domain";

/** A source as a page cites it: numbered in the order the page first uses it. */
export type SourceRef = { n: number; url: string; title: string; publisher: string };

type SourceRow = { url: string; title: string; publisher: string };

/** What a query reads of a source it cites: `{ source: sourceSelect }` in a Prisma include. */
export const sourceSelect = { select: { id: true, url: true, title: true, publisher: true } } as const;

/**
 * Numbers a page's sources as it cites them, so "[3]" means the same source everywhere on it.
 * A source is its URL (unique in the store), so a ref numbered on another page's list can be
 * numbered again on this one.
 */
export class SourceList {
  private readonly refs = new Map<string, SourceRef>();

  ref(row: SourceRow): SourceRef {
    let ref = this.refs.get(row.url);
    if (!ref) {
      ref = { n: this.refs.size + 1, url: row.url, title: row.title, publisher: row.publisher };
      this.refs.set(row.url, ref);
    }
    return ref;
  }

  all(): SourceRef[] {
    return [...this.refs.values()];
  }
}

/** A sourced fact as every page shows it: a hospital's own claims and changes are labelled by kind. */
export type FactView = { text: string; kind: FactKind; date: string | null; source: SourceRef };

/** The include that reads a record's facts, in content order. */
export const factsInclude = { include: { source: sourceSelect }, orderBy: { position: "asc" } } as const;

/** A record's facts, their sources numbered on the page's list. */
export function factViews(rows: { text: string; kind: string; date: string | null; source: SourceRow }[], list: SourceList): FactView[] {
  return rows.map((f) => ({ text: f.text, kind: f.kind as FactKind, date: f.date, source: list.ref(f.source) }));
}
