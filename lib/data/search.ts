import "server-only";
import Fuse from "fuse.js";
import { SEARCH_KINDS, SEARCH_TABLE, type SearchKind } from "../domain";
import { wordsOf } from "../params/words";
import { prisma } from "./db";
import { once, recentAnswers } from "./memo";

export const MAX_SEARCH_LENGTH = 100;
const MAX_TOKENS = 6;
const CANDIDATES = 200;
/** The most results one search page lists for a single kind. */
export const MAX_RESULTS_PER_PAGE = CANDIDATES;

/** Words a parent typed, lowercased, without punctuation or FTS syntax. Pure. */
export function searchTokens(q: string): string[] {
  return wordsOf(q.slice(0, MAX_SEARCH_LENGTH), MAX_TOKENS);
}

/** An FTS5 query: every word must match, each as a prefix ("rhabdo" finds rhabdomyosarcoma). */
export function toFtsQuery(tokens: string[]): string | null {
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t.replace(/"/g, "")}"*`).join(" AND ");
}

export type Candidate = { kind: SearchKind; slug: string; title: string; aliases: string; rank: number };

/**
 * Orders candidates: FTS5's bm25 (title and other names weighted over body text), raised
 * when a word is exactly a title word or another name, more when the whole query is the
 * title or another name ("RMS", "GOSH"), and when the title starts with the query. Pure,
 * so the ranking is unit-tested.
 */
export function rankCandidates<C extends Candidate>(candidates: C[], tokens: string[]): C[] {
  const query = tokens.join(" ");
  const score = (c: C) => {
    const named = new Set([...wordsOf(c.title), ...wordsOf(c.aliases)]);
    const exact = tokens.filter((t) => named.has(t)).length;
    const whole = [c.title, ...c.aliases.split(" · ")].some((n) => wordsOf(n).join(" ") === query) ? 1 : 0;
    const starts = c.title.toLowerCase().startsWith(query) ? 1 : 0;
    return -c.rank + 10 * exact + 20 * whole + 5 * starts;
  };
  return [...candidates].sort((a, b) => score(b) - score(a) || a.title.localeCompare(b.title));
}

export type SearchResult = { kind: SearchKind; slug: string; title: string; url: string; snippetHtml: string };
export type SearchGroup = { kind: SearchKind; label: string; total: number; results: SearchResult[] };
export type SearchOutcome = {
  tokens: string[];
  correctedFrom: string | null;
  usedQuery: string;
  /** Every match, of every kind (or of the one kind asked for). */
  total: number;
  groups: SearchGroup[];
};

/** Results shown per kind on the full search page; `kind` shows one kind's best CANDIDATES. */
export const RESULTS_PER_KIND = 8;

const URL_PREFIX: Record<SearchKind, string> = {
  hospital: "/hospitals/",
  sarcoma: "/sarcomas/",
  treatment: "/treatments/",
  pathway: "/pathways/",
  glossary: "/glossary#",
};

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** FTS5 marks matches with control characters; escape everything, then turn those into <mark>. */
export function snippetToHtml(snippet: string): string {
  return escapeHtml(snippet).replace(/\u0002/g, "<mark>").replace(/\u0003/g, "</mark>");
}

type Row = Candidate & { id: number };

/** The best-ranked matches by bm25, without snippets (those are made only for what is shown). */
async function candidatesFor(match: string, kind: SearchKind | null): Promise<Row[]> {
  return prisma.$queryRawUnsafe<Row[]>(
    `SELECT rowid AS id, kind, slug, title, aliases, bm25("${SEARCH_TABLE}", 0, 0, 10, 10, 1) AS rank
       FROM "${SEARCH_TABLE}" WHERE "${SEARCH_TABLE}" MATCH ?${kind ? " AND kind = ?" : ""} ORDER BY rank LIMIT ${CANDIDATES}`,
    ...(kind ? [match, kind] : [match]),
  );
}

async function countsFor(match: string): Promise<Map<SearchKind, number>> {
  const rows = await prisma.$queryRawUnsafe<{ kind: SearchKind; n: number | bigint }[]>(
    `SELECT kind, count(*) AS n FROM "${SEARCH_TABLE}" WHERE "${SEARCH_TABLE}" MATCH ? GROUP BY kind`,
    match,
  );
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

async function snippetsFor(match: string, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.$queryRawUnsafe<{ id: number; snippet: string }[]>(
    `SELECT rowid AS id, snippet("${SEARCH_TABLE}", -1, char(2), char(3), '…', 16) AS snippet
       FROM "${SEARCH_TABLE}" WHERE "${SEARCH_TABLE}" MATCH ? AND rowid IN (${ids.map(() => "?").join(", ")})`,
    match,
    ...ids,
  );
  return new Map(rows.map((r) => [Number(r.id), r.snippet]));
}

/** Every word of every title and other name, for "did you mean" when nothing matches. */
const getKnownWords = once("search-words", async (): Promise<Fuse<string>> => {
  const rows = await prisma.$queryRawUnsafe<{ title: string; aliases: string }[]>(`SELECT title, aliases FROM "${SEARCH_TABLE}"`);
  const all = new Set(rows.flatMap((r) => [...wordsOf(r.title), ...wordsOf(r.aliases)]).filter((w) => w.length >= 3));
  return new Fuse([...all], { includeScore: true, threshold: 0.4, ignoreLocation: true });
});

/** The closest known word to each token that has no match of its own. */
async function correct(tokens: string[]): Promise<string[] | null> {
  const fuse = await getKnownWords();
  let changed = false;
  const out = tokens.map((t) => {
    if (t.length < 4) return t;
    const best = fuse.search(t, { limit: 1 })[0];
    if (best && best.item !== t) {
      changed = true;
      return best.item;
    }
    return t;
  });
  return changed ? out : null;
}

// Searches answered recently. The index does not change while the server runs, so a
// search many parents make at once (a name in the news) is worked out once.
const recentSearch = recentAnswers<SearchOutcome>("searches", 500);

/**
 * One search over hospitals, sarcoma types, treatments, pathways and the glossary: the
 * best RESULTS_PER_KIND of each kind with how many there are in all, or with `kind`,
 * the best CANDIDATES of that kind alone.
 */
export function searchSite(q: string, kind: SearchKind | null = null): Promise<SearchOutcome> {
  const tokens = searchTokens(q);
  return recentSearch(JSON.stringify([tokens, kind]), () => runSearch(tokens, kind));
}

async function runSearch(tokens: string[], kind: SearchKind | null): Promise<SearchOutcome> {
  let used = tokens;
  let match = toFtsQuery(tokens);
  let found = match ? await candidatesFor(match, kind) : [];
  let correctedFrom: string | null = null;
  if (found.length === 0 && tokens.length > 0) {
    const fixed = await correct(tokens);
    const fixedMatch = fixed && toFtsQuery(fixed);
    if (fixed && fixedMatch) {
      const retry = await candidatesFor(fixedMatch, kind);
      if (retry.length > 0) {
        correctedFrom = tokens.join(" ");
        used = fixed;
        match = fixedMatch;
        found = retry;
      }
    }
  }
  if (!match || found.length === 0) return { tokens, correctedFrom: null, usedQuery: tokens.join(" "), total: 0, groups: [] };

  const ranked = rankCandidates(found, used);
  const perKind = kind ? CANDIDATES : RESULTS_PER_KIND;
  // Groups come in the order of their best result: "GOSH" leads with hospitals, "rhabdo" with sarcoma types.
  const kinds = [...new Set(ranked.map((c) => c.kind))];
  const shown = kinds.map((k) => ranked.filter((c) => c.kind === k).slice(0, perKind));
  const [counts, snippets] = await Promise.all([
    countsFor(match),
    snippetsFor(match, shown.flat().map((c) => Number(c.id))),
  ]);
  const groups = kinds.map((k, i) => ({
    kind: k,
    label: SEARCH_KINDS[k],
    total: counts.get(k) ?? shown[i].length,
    results: shown[i].map((c) => ({
      kind: k,
      slug: c.slug,
      title: c.title,
      url: `${URL_PREFIX[k]}${c.slug}`,
      snippetHtml: snippetToHtml(snippets.get(Number(c.id)) ?? ""),
    })),
  }));
  return { tokens, correctedFrom, usedQuery: used.join(" "), total: groups.reduce((n, g) => n + g.total, 0), groups };
}
