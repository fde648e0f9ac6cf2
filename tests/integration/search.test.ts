import { beforeAll, describe, expect, it, vi } from "vitest";
import { buildContent } from "@/lib/content/build";
import { addCopiesOfHospital, copyFixtureContent } from "../support/content";

// Site search on a store with more hospitals than one page of results shows per kind.

const EXTRA = 14;
let search: typeof import("@/lib/data/search");

beforeAll(async () => {
  const c = copyFixtureContent();
  addCopiesOfHospital(c, EXTRA);
  const result = await buildContent({ contentDir: c.dir, outFile: c.db, today: "2026-11-23", gazetteer: false });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  vi.resetModules();
  delete (globalThis as { prisma?: unknown }).prisma;
  process.env.DATABASE_PATH = c.db;
  search = await import("@/lib/data/search");
});

describe("searchSite", () => {
  it("shows the best few of each kind with how many there are in all", async () => {
    const outcome = await search.searchSite("hospital");
    const hospitals = outcome.groups.find((g) => g.kind === "hospital")!;
    // Every fixture hospital's name or summary says "hospital", plus the extra ones.
    expect(hospitals.total).toBeGreaterThanOrEqual(EXTRA + 1);
    expect(hospitals.results).toHaveLength(search.RESULTS_PER_KIND);
    expect(outcome.total).toBe(outcome.groups.reduce((n, g) => n + g.total, 0));
    for (const r of hospitals.results) expect(r.snippetHtml).toMatch(/<mark>hospital<\/mark>/i);
  });

  it("lists every result of one kind when asked, and only that kind", async () => {
    const all = await search.searchSite("hospital");
    const one = await search.searchSite("hospital", "hospital");
    expect(one.groups.map((g) => g.kind)).toEqual(["hospital"]);
    const total = all.groups.find((g) => g.kind === "hospital")!.total;
    expect(one.groups[0].results).toHaveLength(total);
    expect(one.groups[0].results.slice(0, search.RESULTS_PER_KIND).map((r) => r.slug)).toEqual(
      all.groups.find((g) => g.kind === "hospital")!.results.map((r) => r.slug),
    );
  });

  it("corrects a slip only when the words as typed find nothing", async () => {
    const outcome = await search.searchSite("hospitl");
    expect(outcome.correctedFrom).toBe("hospitl");
    expect(outcome.usedQuery).toBe("hospital");
    expect(outcome.total).toBeGreaterThan(EXTRA);
  });
});
