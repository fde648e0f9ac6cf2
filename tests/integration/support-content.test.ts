import { readFileSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/lib/content/build";
import { copyFixtureContent } from "../support/content";

const TODAY = "2026-11-23";

describe("help for families in the content build", () => {
  it("writes support organisations, their offers and contacts, places to stay and the questions to ask", async () => {
    const c = copyFixtureContent();
    const result = await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false });
    expect(result.ok).toBe(true);
    expect(result.ok && result.counts).toMatchObject({ SupportOrg: 1, SupportOffer: 2, SupportField: 3, Accommodation: 2, CentreQuestion: 3 });
    const db = new Database(c.db, { readonly: true });
    expect(db.prepare(`SELECT key, value, label, hours, unverified FROM SupportField ORDER BY key`).all()).toEqual([
      { key: "email", value: "help@families.example.org", label: null, hours: null, unverified: 0 },
      { key: "phone", value: "0800 000 000", label: "Helpline", hours: "9am to 5pm on weekdays", unverified: 0 },
      { key: "website", value: "https://families.example.org", label: null, hours: null, unverified: 0 },
    ]);
    expect(db.prepare(`SELECT what, unverified, url FROM SupportOffer JOIN Source ON Source.id = sourceId ORDER BY position`).all()).toEqual([
      { what: "helpline", unverified: 0, url: "https://families.example.org/help" },
      { what: "travel-costs", unverified: 1, url: "https://directory.example.org/testland-families" },
    ]);
    expect(db.prepare(`SELECT hospitalSlug, name, unverified FROM Accommodation ORDER BY position`).all()).toEqual([
      { hospitalSlug: "alpha-childrens", name: "Alpha Family House", unverified: 0 },
      { hospitalSlug: "alpha-childrens", name: "Alpha Hotel", unverified: 1 },
    ]);
    expect(db.prepare(`SELECT trialsCondition FROM Pathway`).all()).toEqual([{ trialsCondition: "Test Sarcoma" }]);
    db.close();
  });

  it("lists every problem in a broken support record, and keeps the previous store", async () => {
    const c = copyFixtureContent();
    expect((await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false })).ok).toBe(true);
    const before = readFileSync(c.db);
    const good = readFileSync(`${c.dir}/support/testland-families.md`, "utf8");
    c.write(
      "support/broken.md",
      good
        .replace("country: testland", "country: atlantis")
        .replace("what: helpline", "what: miracles")
        .replace("label: Helpline, ", "")
        .replace("summarySource: s1", "summarySource: dir")
        .replace("source: dir, unverified: true }", "source: dir }")
        .replace("help@families.example.org", "not an email"),
    );
    c.write("support/no-website.md", good.replace(/^website:.*\n/m, ""));
    const result = await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('content/support/broken.md: field "offers[0].what": expected one of "helpline"'),
        expect.stringContaining('content/support/broken.md: field "contact.phone.label": is required'),
        expect.stringContaining('content/support/broken.md: field "contact.email.value": expected an email address'),
        expect.stringContaining('content/support/no-website.md: field "website": is required'),
      ]),
    );
    expect(readFileSync(c.db).equals(before)).toBe(true);

    // With the shape right, the cross-checks: the country, the directory rule, the summary's source.
    c.write(
      "support/broken.md",
      good
        .replace("country: testland", "country: atlantis")
        .replace("summarySource: s1", "summarySource: dir")
        .replace("source: dir, unverified: true }", "source: dir }"),
    );
    rmSync(`${c.dir}/support/no-website.md`);
    const second = await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false });
    expect(second.ok ? [] : second.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'content/support/broken.md: field "country": expected one of the country slugs in places.md (otherland, testland), got "atlantis"',
        ),
        expect.stringContaining(
          'content/support/broken.md: field "offers[1].unverified": expected unverified: true, because source "dir" is a third-party directory',
        ),
        expect.stringContaining('content/support/broken.md: field "summarySource": expected the organisation\'s own or an official page'),
      ]),
    );
    expect(readFileSync(c.db).equals(before)).toBe(true);
  });

  it("requires a place to stay from a third-party page to be flagged, and the questions file to exist", async () => {
    const c = copyFixtureContent();
    const hospital = readFileSync(`${c.dir}/hospitals/alpha-childrens.md`, "utf8");
    c.write(
      "hospitals/alpha-childrens.md",
      hospital.replace("A hotel a directory lists., source: dir, unverified: true }", "A hotel a directory lists., source: dir }"),
    );
    rmSync(`${c.dir}/centre-questions.md`);
    const result = await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false });
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('content/hospitals/alpha-childrens.md: field "accommodation[1].unverified": expected unverified: true'),
        expect.stringContaining("content/centre-questions.md: the file is missing: it is required"),
      ]),
    );
  });
});
