/** A source as a page cites it: numbered in the order the page first uses it. */
export type SourceRef = { n: number; url: string; title: string; publisher: string };

type SourceRow = { url: string; title: string; publisher: string };

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
