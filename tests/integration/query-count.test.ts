import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildContent } from "@/lib/content/build";
import type { HospitalFilters } from "@/lib/search-params";
import { copyFixtureContent } from "../support/content";

// The number of queries a page makes must not grow with the number of hospitals (no N+1).

async function storeWith(extraHospitals: number): Promise<string> {
  const c = copyFixtureContent();
  const template = readFileSync(path.join(c.dir, "hospitals/beta-childrens.md"), "utf8");
  for (let i = 0; i < extraHospitals; i++) {
    c.write(`hospitals/extra-${i}.md`, template.replace(/Beta Childrens Hospital/g, `Extra Hospital ${i}`).replace(/beta-childrens/g, `extra-${i}`));
  }
  const db = path.join(mkdtempSync(path.join(tmpdir(), "csd-count-")), "store.db");
  const result = await buildContent({ contentDir: c.dir, outFile: db, today: "2026-11-23" });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return db;
}

const none: HospitalFilters = { city: [], country: [], tumor: [], service: [], q: "", near: null, sort: "name", page: 1, view: "list" };

async function countFor(db: string) {
  vi.resetModules();
  // lib/db keeps its client on globalThis outside production; start a fresh one on this store.
  delete (globalThis as { prisma?: unknown }).prisma;
  process.env.DATABASE_PATH = db;
  process.env.COUNT_QUERIES = "1";
  const { queryLog } = await import("@/lib/db");
  const hospitals = await import("@/lib/hospitals");
  const profile = await import("@/lib/hospital-profile");
  const measure = async (work: () => Promise<unknown>) => {
    queryLog.count = 0;
    await work();
    return queryLog.count;
  };
  await hospitals.getVocabulary();
  const total = (await hospitals.listHospitals(none)).total;
  return {
    total,
    listing: await measure(() => hospitals.listHospitals(none)),
    filtered: await measure(() => hospitals.listHospitals({ ...none, tumor: ["alveolar-rhabdomyosarcoma"], service: ["family-accommodation"] })),
    distance: await measure(() => hospitals.listHospitals({ ...none, near: "alpha-city", sort: "distance" })),
    map: await measure(() => hospitals.listHospitalPositions(none)),
    profile: await measure(() => profile.getHospital("beta-childrens")),
  };
}

afterEach(() => {
  delete process.env.COUNT_QUERIES;
});

describe("queries per page", () => {
  it("are the same for 4 hospitals and for 44", async () => {
    const small = await countFor(await storeWith(0));
    const large = await countFor(await storeWith(40));
    expect(small.total).toBe(4);
    expect(large.total).toBe(44);
    expect(small.listing).toBeGreaterThan(0);
    expect({ ...large, total: 0 }).toEqual({ ...small, total: 0 });
  });
});
