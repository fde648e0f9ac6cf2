import { readFileSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/lib/content/build";
import { copyFixtureContent } from "../support/content";

const TODAY = "2026-11-23";

describe("content build", () => {
  it("writes a store with every record, and the same store twice", async () => {
    const c = copyFixtureContent();
    const first = await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY });
    expect(first.ok).toBe(true);
    expect(first.ok && first.counts).toMatchObject({ Hospital: 4, SarcomaType: 3, TreatmentOption: 1, Pathway: 1, PathwayStep: 2, GlossaryTerm: 2, City: 3 });
    // The gazetteer, for "near" any town: GeoNames' places and the US ZIP codes.
    expect(first.ok && first.counts.Place).toBeGreaterThan(100_000);
    expect(first.ok && first.counts.ZipCode).toBeGreaterThan(30_000);
    const bytes = readFileSync(c.db);
    const again = await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY });
    expect(again.ok).toBe(true);
    expect(readFileSync(c.db).equals(bytes)).toBe(true);
  });

  it("lists every problem at once and leaves the previous store byte-for-byte intact", async () => {
    const c = copyFixtureContent();
    expect((await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false })).ok).toBe(true);
    const before = readFileSync(c.db);

    // A missing required field, an unknown cross-reference and invalid YAML, all at once.
    const hospital = readFileSync(`${c.dir}/hospitals/alpha-general.md`, "utf8");
    c.write("hospitals/alpha-general.md", hospital.replace(/^summary:.*\n/m, ""));
    const beta = readFileSync(`${c.dir}/hospitals/beta-childrens.md`, "utf8");
    c.write("hospitals/beta-childrens.md", beta.replace("city: beta-town", "city: nowhere-town"));
    c.write("treatments/surgery-option.md", "---\nname: [oops\n---\n");

    const result = await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/hospitals\/alpha-general\.md: field "summary": is required/),
        expect.stringMatching(/hospitals\/beta-childrens\.md: field "city": expected one of .* got "nowhere-town"/),
        expect.stringMatching(/treatments\/surgery-option\.md: invalid YAML in the front matter/),
      ]),
    );
    expect(readFileSync(c.db).equals(before)).toBe(true);
    const db = new Database(c.db, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM Hospital").get()).toEqual({ n: 4 });
    db.close();
  });

  it("writes the content alone, without the gazetteer, when asked", async () => {
    const c = copyFixtureContent();
    const result = await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false });
    expect(result.ok && result.counts).toMatchObject({ Hospital: 4, Place: 0, ZipCode: 0 });
  });

  it("ignores a temporary file left by a build that was killed", async () => {
    const c = copyFixtureContent();
    expect((await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false })).ok).toBe(true);
    const before = readFileSync(c.db);
    writeFileSync(`${c.db}.tmp-${process.pid}`, "junk from an earlier crash");
    const ok = await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false });
    expect(ok.ok).toBe(true);
    expect(readFileSync(c.db).equals(before)).toBe(true);
  });
});
