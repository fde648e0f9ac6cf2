import "server-only";
import Fuse from "fuse.js";
import { SEARCH_TABLE, type SearchKind } from "./content/search-index";
import { prisma } from "./db";

export const MAX_SEARCH_LENGTH = 100;
const MAX_TOKENS = 6;
const CANDIDATES = 200;

export const KIND_LABELS: Record<SearchKind, string> = {
  hospital: "Hospitals",
  sarcoma: "Sarcoma types",
  treatment: "Treatments",
  pathway: "Pathways",
  glossary: "Glossary",
};
const KIND_ORDER = Object.keys(KIND_LABELS) as SearchKind[];

/** Words a parent typed, lowercased, without punctuation or FTS syntax. Pure. */
export function searchTokens(q: string): string[] {
  return q
    .slice(0, MAX_SEARCH_LENGTH)
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TOKENS);
}

/** An FTS5 query: every word must match, each as a prefix ("rhabdo" finds rhabdomyosarcoma). */
export function toFtsQuery(tokens: string[]): string | null {
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t.replace(/"/g, "")}"*`).join(" AND ");
}

export type Candidate = { kind: SearchKind; slug: string; title: string; aliases: string; rank: number; snippet: string };

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Orders candidates: FTS5's bm25 (title and other names weighted over body text), raised
 * when a word is exactly a title word or another name, more when the whole query is the
 * title or another name ("RMS", "GOSH"), and when the title starts with the query. Pure,
 * so the ranking is unit-tested.
 */
export function rankCandidates(candidates: Candidate[], tokens: string[]): Candidate[] {
  const query = tokens.join(" ");
  const score = (c: Candidate) => {
    const named = new Set([...words(c.title), ...words(c.aliases)]);
    const exact = tokens.filter((t) => named.has(t)).length;
    const whole = [c.title, ...c.aliases.split(" · ")].some((n) => words(n).join(" ") === query) ? 1 : 0;
    const starts = c.title.toLowerCase().startsWith(query) ? 1 : 0;
    return -c.rank + 10 * exact + 20 * whole + 5 * starts;
  };
  return [...candidates].sort((a, b) => score(b) - score(a) || a.title.localeCompare(b.title));
}

export type SearchResult = { kind: SearchKind; slug: string; title: string; url: string; snippetHtml: string };
export type SearchOutcome = {
  tokens: string[];
  correctedFrom: string | null;
  usedQuery: string;
  total: number;
  groups: { kind: SearchKind; label: string; results: SearchResult[] }[];
};

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

async function candidatesFor(tokens: string[]): Promise<Candidate[]> {
  const match = toFtsQuery(tokens);
  if (!match) return [];
  return prisma.$queryRawUnsafe<Candidate[]>(
    `SELECT kind, slug, title, aliases,
            bm25("${SEARCH_TABLE}", 0, 0, 10, 10, 1) AS rank,
            snippet("${SEARCH_TABLE}", -1, char(2), char(3), '…', 16) AS snippet
       FROM "${SEARCH_TABLE}" WHERE "${SEARCH_TABLE}" MATCH ? ORDER BY rank LIMIT ${CANDIDATES}`,
    match,
  );
}

let vocabulary: Promise<Fuse<string>> | null = null;

/** Every word of every title and other name, for "did you mean" when nothing matches. */
function getVocabulary(): Promise<Fuse<string>> {
  vocabulary ??= prisma
    .$queryRawUnsafe<{ title: string; aliases: string }[]>(`SELECT title, aliases FROM "${SEARCH_TABLE}"`)
    .then((rows) => {
      const all = new Set(rows.flatMap((r) => [...words(r.title), ...words(r.aliases)]).filter((w) => w.length >= 3));
      return new Fuse([...all], { includeScore: true, threshold: 0.4, ignoreLocation: true });
    });
  return vocabulary;
}

/** The closest known word to each token that has no match of its own. */
async function correct(tokens: string[]): Promise<string[] | null> {
  const fuse = await getVocabulary();
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

/** One search over hospitals, sarcoma types, treatments, pathways and the glossary. */
export async function searchSite(q: string): Promise<SearchOutcome> {
  const tokens = searchTokens(q);
  let used = tokens;
  let found = await candidatesFor(tokens);
  let correctedFrom: string | null = null;
  if (found.length === 0 && tokens.length > 0) {
    const fixed = await correct(tokens);
    if (fixed) {
      const retry = await candidatesFor(fixed);
      if (retry.length > 0) {
        correctedFrom = tokens.join(" ");
        used = fixed;
        found = retry;
      }
    }
  }
  const ranked = rankCandidates(found, used);
  // Groups come in the order of their best result: "GOSH" leads with hospitals, "rhabdo" with sarcoma types.
  const firstIndex = (kind: SearchKind) => {
    const i = ranked.findIndex((c) => c.kind === kind);
    return i === -1 ? Infinity : i;
  };
  const groups = [...KIND_ORDER].sort((a, b) => firstIndex(a) - firstIndex(b)).map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    results: ranked
      .filter((c) => c.kind === kind)
      .map((c) => ({ kind, slug: c.slug, title: c.title, url: `${URL_PREFIX[kind]}${c.slug}`, snippetHtml: snippetToHtml(c.snippet) })),
  })).filter((g) => g.results.length > 0);
  return { tokens, correctedFrom, usedQuery: used.join(" "), total: ranked.length, groups };
}
