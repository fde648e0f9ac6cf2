import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContent, todayIso, type BuildResult } from "@/lib/content/build";
import { NO_FILTERS } from "@/lib/params/search-params";

// The real content/ folder: it must build cleanly and every centre must be reachable.
const CONTENT = path.resolve(import.meta.dirname, "../../content");
let result: BuildResult;
let db: string;
let hospitals: typeof import("@/lib/data/hospitals");

beforeAll(async () => {
  db = path.join(mkdtempSync(path.join(tmpdir(), "csd-real-")), "store.db");
  result = await buildContent({ contentDir: CONTENT, outFile: db, today: todayIso(), gazetteer: false });
  process.env.DATABASE_PATH = db;
  hospitals = await import("@/lib/data/hospitals");
});

const none = NO_FILTERS;

describe("the real content", () => {
  it("builds with no problems", () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("has at least 300 centres in 20 countries, 15 sarcoma types, 20 treatments, 3 pathways and 40 glossary terms", () => {
    const store = new Database(db, { readonly: true });
    const one = (sql: string) => (store.prepare(sql).get() as { n: number }).n;
    expect(one("SELECT count(*) AS n FROM Hospital")).toBeGreaterThanOrEqual(300);
    expect(one("SELECT count(DISTINCT citySlug) AS n FROM Hospital")).toBeGreaterThanOrEqual(200);
    expect(one("SELECT count(DISTINCT c.countrySlug) AS n FROM Hospital h JOIN City c ON c.slug = h.citySlug")).toBeGreaterThanOrEqual(20);
    // Every gazetteer city cites its GeoNames entry.
    expect(
      one(
        "SELECT count(*) AS n FROM City c JOIN Source s ON s.id = c.sourceId WHERE c.geonameId IS NOT NULL AND s.url != 'https://www.geonames.org/' || c.geonameId",
      ),
    ).toBe(0);
    expect(one("SELECT count(*) AS n FROM SarcomaType")).toBeGreaterThanOrEqual(15);
    expect(one("SELECT count(*) AS n FROM TreatmentOption")).toBeGreaterThanOrEqual(20);
    expect(one("SELECT count(*) AS n FROM Pathway")).toBeGreaterThanOrEqual(3);
    expect(one("SELECT count(*) AS n FROM GlossaryTerm")).toBeGreaterThanOrEqual(40);
    // Every hospital has sources and review dates; every fact has a source by construction.
    expect(one("SELECT count(*) AS n FROM Hospital WHERE reviewed = '' OR nextReview = ''")).toBe(0);
    // Every centre has a source for its city (its own, or its sourced address).
    expect(
      one(
        "SELECT count(*) AS n FROM Hospital h WHERE NOT EXISTS (SELECT 1 FROM HospitalField f WHERE f.hospitalSlug = h.slug AND f.key IN ('city', 'address'))",
      ),
    ).toBe(0);
    store.close();
  });

  it("includes the pathways the seed documents describe", () => {
    const store = new Database(db, { readonly: true });
    const slugs = (store.prepare("SELECT slug FROM Pathway").all() as { slug: string }[]).map((r) => r.slug);
    expect(slugs).toEqual(
      expect.arrayContaining(["newly-diagnosed-rhabdomyosarcoma", "newly-diagnosed-non-rhabdomyosarcoma", "recurrent-soft-tissue-sarcoma"]),
    );
    const recurrentOptions = (
      store
        .prepare(
          "SELECT DISTINCT t.treatmentSlug AS s FROM PathwayStepTreatment t JOIN PathwayStep p ON p.id = t.stepId WHERE p.pathwaySlug = 'recurrent-soft-tissue-sarcoma'",
        )
        .all() as { s: string }[]
    ).map((r) => r.s);
    expect(recurrentOptions).toEqual(
      expect.arrayContaining([
        "pulmonary-metastasectomy",
        "brachytherapy",
        "amputation",
        "gemcitabine-docetaxel",
        "trabectedin",
        "pazopanib",
        "clinical-trials",
      ]),
    );
    store.close();
  });

  it("reaches every centre through the city filter and through the country filter", async () => {
    const vocab = await hospitals.getFilterNames();
    const all = (await hospitals.listHospitals({ ...none, page: 1 })).total;
    const reached = async (key: "city" | "country") => {
      const seen = new Set<string>();
      for (const slug of vocab[key].keys()) {
        for (let page = 1; ; page++) {
          const listing = await hospitals.listHospitals({ ...none, [key]: [slug], page });
          listing.items.forEach((h) => seen.add(h.slug));
          if (page >= listing.pageCount) break;
        }
      }
      return seen.size;
    };
    expect(await reached("city")).toBe(all);
    expect(await reached("country")).toBe(all);
    expect(all).toBeGreaterThanOrEqual(300);
  });

  it("lists every principal treatment centre and every COG hospital for rhabdomyosarcoma, and RMCH for Manchester", async () => {
    const store = new Database(db, { readonly: true });
    const members = (store.prepare("SELECT hospitalSlug AS slug FROM HospitalNetwork WHERE networkSlug IN ('uk-ptc', 'cog')").all() as { slug: string }[]).map(
      (r) => r.slug,
    );
    // Every member of a network whose source covers the type, not only those two.
    const covered = (
      store
        .prepare(
          "SELECT DISTINCT m.hospitalSlug AS slug FROM HospitalNetwork m JOIN NetworkSarcoma n ON n.networkSlug = m.networkSlug WHERE n.sarcomaSlug = 'rhabdomyosarcoma'",
        )
        .all() as { slug: string }[]
    ).map((r) => r.slug);
    store.close();
    expect(members.length).toBeGreaterThan(200);
    expect(covered).toEqual(expect.arrayContaining([...members, "addenbrookes-cambridge", "bristol-royal-childrens"]));
    const listed = new Set<string>();
    for (let page = 1; ; page++) {
      const listing = await hospitals.listHospitals({ ...none, tumor: ["rhabdomyosarcoma"], page });
      listing.items.forEach((h) => listed.add(h.slug));
      if (page >= listing.pageCount) break;
    }
    expect(covered.filter((m) => !listed.has(m))).toEqual([]);
    const manchester = await hospitals.listHospitals({ ...none, city: ["manchester"], tumor: ["rhabdomyosarcoma"] });
    const rmch = manchester.items.find((h) => h.slug === "royal-manchester-childrens");
    expect(rmch?.tier).toBe(2);
    expect(rmch?.tierNetworks.map((n) => n.slug)).toContain("uk-ptc");
  });
});
