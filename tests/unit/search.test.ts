import { describe, expect, it } from "vitest";
import { rankCandidates, searchTokens, snippetToHtml, toFtsQuery, type Candidate } from "@/lib/data/search";

describe("search query parsing", () => {
  it("keeps words, drops punctuation and FTS syntax", () => {
    expect(searchTokens('  Rhabdo "NEAR" (GOSH) OR -x* ')).toEqual(["rhabdo", "near", "gosh", "or", "x"]);
    expect(searchTokens("!!! ??? ...")).toEqual([]);
    expect(searchTokens("Máxima")).toEqual(["máxima"]);
  });

  it("makes every word a quoted prefix, all required", () => {
    expect(toFtsQuery(["rhabdo", "gosh"])).toBe('"rhabdo"* AND "gosh"*');
    expect(toFtsQuery([])).toBeNull();
  });

  it("limits the number of words", () => {
    expect(searchTokens("a b c d e f g h i j")).toHaveLength(6);
  });
});

describe("ranking", () => {
  const c = (title: string, aliases: string, rank: number): Candidate => ({ kind: "sarcoma", slug: title, title, aliases, rank });

  it("puts the record whose other name is the query first, even with a weaker text score", () => {
    const ranked = rankCandidates([c("Pleomorphic rhabdomyosarcoma", "pleomorphic RMS", -5), c("Rhabdomyosarcoma", "RMS · rhabdo", -1)], ["rms"]);
    expect(ranked.map((r) => r.title)).toEqual(["Rhabdomyosarcoma", "Pleomorphic rhabdomyosarcoma"]);
  });

  it("prefers exact title words over body matches", () => {
    const ranked = rankCandidates([c("Late effects", "", -8), c("Biopsy", "biopsies", -2)], ["biopsy"]);
    expect(ranked[0].title).toBe("Biopsy");
  });

  it("falls back to the text score, then the title", () => {
    const ranked = rankCandidates([c("B", "", -1), c("A", "", -1), c("C", "", -3)], ["zzz"]);
    expect(ranked.map((r) => r.title)).toEqual(["C", "A", "B"]);
  });
});

describe("snippets", () => {
  it("escapes the text and marks only the matches", () => {
    expect(snippetToHtml("a <script>x</script> \u0002rms\u0003 & b")).toBe("a &lt;script&gt;x&lt;/script&gt; <mark>rms</mark> &amp; b");
  });
});
