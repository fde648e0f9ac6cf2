import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildContent } from "@/lib/content/build";
import { NO_FILTERS } from "@/lib/params/search-params";
import { addCopiesOfHospital, copyFixtureContent } from "../support/content";

// The number of queries a page makes must not grow with the number of hospitals (no N+1).

async function storeWith(extraHospitals: number): Promise<string> {
  const c = copyFixtureContent();
  addCopiesOfHospital(c, extraHospitals);
  const db = path.join(mkdtempSync(path.join(tmpdir(), "csd-count-")), "store.db");
  const result = await buildContent({ contentDir: c.dir, outFile: db, today: "2026-11-23", gazetteer: false });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return db;
}

const none = NO_FILTERS;

/** lib/db, lib/hospitals and lib/hospital-profile as a new server process has them: nothing read yet. */
async function coldModules(db: string) {
  vi.resetModules();
  // lib/db keeps its client on globalThis; start a fresh one on this store.
  delete (globalThis as { prisma?: unknown }).prisma;
  process.env.DATABASE_PATH = db;
  process.env.COUNT_QUERIES = "1";
  const { queryLog } = await import("@/lib/data/db");
  return {
    queryLog,
    hospitals: await import("@/lib/data/hospitals"),
    profile: await import("@/lib/data/hospital-profile"),
    sarcomas: await import("@/lib/data/sarcomas"),
  };
}

type Modules = Awaited<ReturnType<typeof coldModules>>;

async function countFor(db: string) {
  // Each page's first visit to a new server process: the most queries it can make.
  const cold = async (work: (m: Modules) => Promise<unknown>) => {
    const m = await coldModules(db);
    m.queryLog.count = 0;
    await work(m);
    return m.queryLog.count;
  };
  // Once the process has read the listing index: what each further listing costs.
  const warm = await coldModules(db);
  await warm.hospitals.listHospitals(none);
  const afterWarmUp = async (work: () => Promise<unknown>) => {
    warm.queryLog.count = 0;
    await work();
    return warm.queryLog.count;
  };
  const total = (await warm.hospitals.listHospitals(none)).total;
  // Cards are kept by hospital: a page of hospitals no recent listing showed is one query,
  // and another listing of the same hospitals none.
  const warmNewPage = await afterWarmUp(() => warm.hospitals.listHospitals({ ...none, page: 2 }));
  const warmSameCards = await afterWarmUp(() => warm.hospitals.listHospitals({ ...none, page: 2, view: "map" }));
  // Every card seen from here on: what the rest cost is their own work.
  await warm.hospitals.listHospitals(none, 100);
  return {
    total,
    warmNewPage,
    warmSameCards,
    listing: await cold((m) => m.hospitals.listHospitals(none)),
    filtered: await cold((m) => m.hospitals.listHospitals({ ...none, tumor: ["alveolar-rhabdomyosarcoma"], service: ["family-accommodation"] })),
    distance: await cold((m) => m.hospitals.listHospitals({ ...none, near: "alpha-city", sort: "distance" })),
    map: await cold((m) => m.hospitals.listHospitalPositions(none)),
    profile: await cold((m) => m.profile.getHospital("beta-childrens")),
    warmFiltered: await afterWarmUp(() => warm.hospitals.listHospitals({ ...none, city: ["alpha-city"] })),
    warmByDistance: await afterWarmUp(() => warm.hospitals.listHospitals({ ...none, near: "beta-town", sort: "distance" })),
    warmByDistanceAgain: await afterWarmUp(() => warm.hospitals.listHospitals({ ...none, near: "beta-town", sort: "distance", city: ["alpha-city"] })),
    warmRepeat: await afterWarmUp(() => warm.hospitals.listHospitals(none)),
    warmMap: await afterWarmUp(() => warm.hospitals.listHospitalPositions({ ...none, service: ["proton-beam-therapy"] })),
    // The trials link of a listing near a place with one sarcoma type chosen.
    trialsFirst: await afterWarmUp(() => warm.sarcomas.getTrialsCondition("alveolar-rhabdomyosarcoma")),
    trialsOther: await afterWarmUp(() => warm.sarcomas.getTrialsCondition("synovial-sarcoma")),
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
    // Only 44 hospitals have a second page (see below).
    const sizeFree = ({ total: _, warmNewPage: __, ...rest }: typeof small) => rest;
    expect(sizeFree(large)).toEqual(sizeFree(small));
  });

  it("are one for each new page of hospitals once the process has read the index, and none for hospitals already shown", async () => {
    const large = await countFor(await storeWith(40));
    // The page of cards is the only query; filters, counts and the map come from the index.
    expect(large.warmNewPage).toBe(1);
    expect(large.warmSameCards).toBe(0);
    expect(large.warmFiltered).toBe(0);
    // A place measured from for the first time costs two look-ups (the city, and other
    // places of its name to offer); the process keeps the answer, so the next listing from
    // there costs nothing more.
    expect(large.warmByDistance).toBe(2);
    expect(large.warmByDistanceAgain).toBe(0);
    expect(large.warmMap).toBe(0);
    expect(large.warmRepeat).toBe(0);
    // Every type's trials term is read once, with the first asked for.
    expect(large.trialsFirst).toBe(1);
    expect(large.trialsOther).toBe(0);
  });
});
