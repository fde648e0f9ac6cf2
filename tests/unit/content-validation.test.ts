import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "@/lib/content/read";
import { validateContent } from "@/lib/content/validate";
import { copyFixtureContent, FIXTURE_CONTENT } from "../support/content";

const TODAY = "2026-11-23";

function problemsAfter(rel: string, text: string | Buffer): string[] {
  const c = copyFixtureContent();
  c.write(rel, text);
  const result = validateContent(c.dir, TODAY);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const GOOD_TREATMENT = `---
name: Surgery
kind: surgery
order: 0
summary: An operation.
whatItIs: { text: Removing the tumour., sources: [t1] }
whenUsed: { text: When it is safe., sources: [t1] }
evidence: { text: Many studies., sources: [t1] }
reviewed: 2026-01-01
nextReview: 2099-01-01
sources:
  - { id: t1, url: "https://example.org/surgery", title: Test surgery page }
---
`;

describe("content validation", () => {
  it("accepts the fixture content", () => {
    const result = validateContent(FIXTURE_CONTENT, TODAY);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.model.hospitals.map((h) => h.slug)).toEqual(["alpha-childrens", "alpha-general", "beta-childrens", "gamma-cancer-centre"]);
  });

  it("accepts a good treatment file", () => {
    expect(problemsAfter("treatments/surgery-option.md", GOOD_TREATMENT)).toEqual([]);
  });

  it("names a missing required field", () => {
    const problems = problemsAfter("treatments/surgery-option.md", GOOD_TREATMENT.replace(/^summary:.*\n/m, ""));
    expect(problems).toEqual([expect.stringMatching(/treatments\/surgery-option\.md: field "summary": is required: expected string/)]);
  });

  it("names a value of the wrong type with what it got", () => {
    const problems = problemsAfter("treatments/surgery-option.md", GOOD_TREATMENT.replace("order: 0", "order: first"));
    expect(problems).toEqual([expect.stringMatching(/field "order": expected number, got "first"/)]);
  });

  it("lists the allowed values for an enum", () => {
    const problems = problemsAfter("treatments/surgery-option.md", GOOD_TREATMENT.replace("kind: surgery", "kind: magic"));
    expect(problems[0]).toMatch(/field "kind": expected one of "diagnosis", "surgery", .* got "magic"/);
  });

  it("rejects a date that is not a date", () => {
    expect(problemsAfter("treatments/surgery-option.md", GOOD_TREATMENT.replace("reviewed: 2026-01-01", "reviewed: 2026-02-30"))[0]).toMatch(
      /field "reviewed": expected a real calendar date/,
    );
    expect(problemsAfter("treatments/surgery-option.md", GOOD_TREATMENT.replace("reviewed: 2026-01-01", "reviewed: last week"))[0]).toMatch(
      /field "reviewed": expected a date written as YYYY-MM-DD/,
    );
  });

  it("rejects a misspelt field name", () => {
    expect(problemsAfter("treatments/surgery-option.md", GOOD_TREATMENT.replace("summary:", "sumary:"))).toContainEqual(
      expect.stringMatching(/field "sumary": unknown field/),
    );
  });

  it("reports invalid YAML with its line, not a crash", () => {
    const problems = problemsAfter("treatments/surgery-option.md", "---\nname: [unclosed\nkind: surgery\n---\n");
    expect(problems).toEqual([expect.stringMatching(/surgery-option\.md: invalid YAML in the front matter at line \d+/)]);
  });

  it("names the file line of a duplicated field", () => {
    const problems = problemsAfter("treatments/surgery-option.md", "---\nname: Surgery\nkind: surgery\nname: Again\n---\n");
    expect(problems).toEqual([expect.stringMatching(/surgery-option\.md: invalid YAML in the front matter at line 4: duplicated mapping key$/)]);
  });

  it("reports an empty file, a binary file, non-UTF-8 bytes and missing front matter", () => {
    expect(problemsAfter("treatments/surgery-option.md", "")).toEqual([expect.stringMatching(/the file is empty/)]);
    expect(problemsAfter("treatments/surgery-option.md", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]))).toEqual([
      expect.stringMatching(/NUL bytes: expected a UTF-8 text file, not a binary file/),
    ]);
    expect(problemsAfter("treatments/surgery-option.md", Buffer.concat([Buffer.from("---\nname: Caf"), Buffer.from([0xe9]), Buffer.from("\n---\n")]))).toEqual([
      expect.stringMatching(/not valid UTF-8/),
    ]);
    expect(problemsAfter("treatments/surgery-option.md", "# Just markdown\n")).toEqual([
      expect.stringMatching(/expected the file to start with YAML front matter/),
    ]);
    expect(problemsAfter("treatments/surgery-option.md", "---\nname: x\n")).toEqual([expect.stringMatching(/front matter is not closed/)]);
  });

  it("reports a file over 1 MB", () => {
    expect(problemsAfter("treatments/surgery-option.md", GOOD_TREATMENT + "x".repeat(5 * 1024 * 1024))).toEqual([
      expect.stringMatching(/is 5\.0 MB: expected at most 1 MB/),
    ]);
  });

  it("reports unknown cross-references with the known slugs", () => {
    const hospital = problemsAfter(
      "hospitals/alpha-general.md",
      GOOD_HOSPITAL.replace("city: alpha-city", "city: atlantis").replace("sarcoma: synovial-sarcoma", "sarcoma: dragon-sarcoma"),
    );
    expect(hospital).toContainEqual(
      expect.stringMatching(/field "city": expected one of the city slugs in places\.md \(alpha-city, beta-town, gamma-ville\), got "atlantis"/),
    );
    expect(hospital).toContainEqual(
      expect.stringMatching(/field "sarcomaTypes\[0\]\.sarcoma": expected one of the sarcoma type slugs .* got "dragon-sarcoma"/),
    );
  });

  it("reports a pathway step that links a missing treatment", () => {
    const problems = problemsAfter("pathways/test-pathway.md", PATHWAY.replace("treatments: [surgery-option]", "treatments: [no-such-treatment]"));
    expect(problems).toContainEqual(
      expect.stringMatching(/field "steps\[0\]\.treatments\[0\]": expected one of the treatment option slugs .* got "no-such-treatment"/),
    );
  });

  it("reports duplicate slugs", () => {
    const glossary = `---
terms:
  - { slug: biopsy, term: Biopsy, definition: A sample., source: glo }
  - { slug: biopsy, term: Biopsies, definition: Samples., source: glo }
reviewed: 2026-01-01
nextReview: 2099-01-01
sources:
  - { id: glo, url: "https://example.org/glossary", title: Test glossary }
---
`;
    expect(problemsAfter("glossary.md", glossary)).toContainEqual(expect.stringMatching(/field "terms\[1\]\.slug": duplicate slug "biopsy"/));
  });

  it("requires every source id to be listed, and unverified values from directories", () => {
    const problems = problemsAfter(
      "hospitals/alpha-general.md",
      GOOD_HOSPITAL.replace("source: h1 }\ncity", "source: nowhere }\ncity").replace(", unverified: true", ""),
    );
    expect(problems).toContainEqual(expect.stringMatching(/field "kind\.source": expected one of the ids listed under "sources" \(h1, dir\), got "nowhere"/));
    expect(problems).toContainEqual(
      expect.stringMatching(/field "phone\.unverified": expected unverified: true, because source "dir" is a third-party directory/),
    );
  });

  it("requires review dates and a date on a change", () => {
    expect(problemsAfter("hospitals/alpha-general.md", GOOD_HOSPITAL.replace(/^nextReview:.*\n/m, ""))).toEqual([
      expect.stringMatching(/field "nextReview": is required/),
    ]);
    expect(problemsAfter("hospitals/alpha-general.md", GOOD_HOSPITAL.replace("kind: claim", "kind: change"))).toEqual([
      expect.stringMatching(/field "facts\[0\]\.date": is required for a change/),
    ]);
  });

  it("fails a hospital summary above grade 10 and reports overdue reviews as warnings", () => {
    const hard =
      "This multidisciplinary institution administers comprehensive individualised multimodality interventions incorporating sophisticated radiotherapeutic methodologies, extraordinarily specialised paediatric oncological expertise and internationally recognised investigational therapeutic programmes.";
    const c = copyFixtureContent();
    c.write(
      "hospitals/alpha-general.md",
      GOOD_HOSPITAL.replace(/^summary:.*$/m, `summary: ${hard}`).replace("nextReview: 2099-01-01", "nextReview: 2026-06-01"),
    );
    const result = validateContent(c.dir, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toContainEqual(
      expect.stringMatching(/field "summary": reads at Flesch-Kincaid grade \d+(\.\d)?: expected 10 or below/),
    );
    expect(result.overdue).toEqual([expect.objectContaining({ nextReview: "2026-06-01" })]);
  });
});

describe("centres, networks and places", () => {
  it("refuses two records for one centre, found by name, website or phone, naming both files", () => {
    const twin = (name: string, website: string, phone: string) =>
      GOOD_HOSPITAL.replace("name: Alpha General Hospital", `name: ${name}`)
        .replace('"https://example.org/alpha-general", source: h1 }', `"${website}", source: h1 }`)
        .replace('"000 0001"', `"${phone}"`);
    // "Saint" and "St.", case and punctuation do not make a new centre.
    expect(problemsAfter("hospitals/zz-twin.md", twin("ALPHA childrens' hospital", "https://example.org/other", "999"))).toEqual([
      expect.stringMatching(/zz-twin\.md: field "name": the same centre as .*alpha-childrens\.md \(same name\)/),
    ]);
    expect(problemsAfter("hospitals/zz-twin.md", twin("Other", "https://www.example.org/alpha-general/", "999"))).toEqual([
      expect.stringMatching(/zz-twin\.md: field "website": the same centre as .*alpha-general\.md/),
    ]);
    expect(problemsAfter("hospitals/zz-twin.md", twin("Other", "https://example.org/other", "(000) 0002"))).toEqual([
      expect.stringMatching(/zz-twin\.md: field "phone": the same centre as .*beta-childrens\.md/),
    ]);
    expect(problemsAfter("hospitals/zz-twin.md", twin("Saint Other", "https://example.org/other", "999"))).toEqual([]);
  });

  it("requires a source that a centre treats children with cancer, and a source for its city", () => {
    const bare = GOOD_HOSPITAL.replace(/^sarcomaTypes:.*\n/m, "").replace(/^citySource:.*\n/m, "");
    expect(problemsAfter("hospitals/alpha-general.md", bare)).toEqual([
      expect.stringMatching(/field "citySource": is required when there is no sourced address/),
      expect.stringMatching(/field "networks": expected a source that the centre treats children with cancer/),
    ]);
    const member = bare.replace("citySource", "").replace("reviewed:", "citySource: h1\nnetworks: [{ network: test-network, source: h1 }]\nreviewed:");
    expect(problemsAfter("hospitals/alpha-general.md", member)).toEqual([]);
    expect(problemsAfter("hospitals/alpha-general.md", member.replace("network: test-network", "network: atlantis-network"))).toEqual([
      expect.stringMatching(
        /field "networks\[0\]\.network": expected one of the network slugs in content\/networks\/ \(test-network\), got "atlantis-network"/,
      ),
    ]);
  });

  it("checks every source a network record uses", () => {
    const c = copyFixtureContent();
    const text = readFileSync(path.join(c.dir, "networks/test-network.md"), "utf8");
    expect(problemsAfter("networks/test-network.md", text.replace("source: list\nlist:", "source: nowhere\nlist:"))).toEqual([
      expect.stringMatching(/test-network\.md: field "covers\.source": expected one of the ids listed under "sources" \(about, list\), got "nowhere"/),
    ]);
  });

  it("finds each city in the gazetteer, and refuses a shared name it cannot choose between", () => {
    const places = (cities: string, countries = "") =>
      `---\ncountries:\n  - { slug: testland, name: Testland, code: TL }\n  - { slug: otherland, name: Otherland, code: OL }\n${countries}cities:\n  - { slug: alpha-city, name: Alpha City, country: testland, latitude: 51.5, longitude: -0.1, source: geo }\n  - { slug: beta-town, name: Beta Town, country: testland, latitude: 53.5, longitude: -2.2, source: geo }\n  - { slug: gamma-ville, name: Gamma Ville, country: otherland, latitude: 40.7, longitude: -74.0, source: geo }\n${cities}sources:\n  - { id: geo, url: "https://example.org/gazetteer", title: Test gazetteer }\n---\n`;
    const us = "  - { slug: united-states, name: United States, code: US }\n";
    expect(problemsAfter("places.md", places("  - { slug: portland-oregon, name: Portland, country: united-states, admin: OR }\n", us))).toEqual([]);
    expect(problemsAfter("places.md", places("  - { slug: portland, name: Portland, country: united-states }\n", us))).toEqual([
      expect.stringMatching(/city "portland": "Portland" names \d+ gazetteer places in US: expected admin or geonameId to choose one of 5746545 \(region OR/),
    ]);
    expect(problemsAfter("places.md", places("  - { slug: atlantis, name: Atlantis Prime, country: united-states }\n", us))).toEqual([
      expect.stringMatching(/city "atlantis": no gazetteer place named "Atlantis Prime" in US/),
    ]);
    expect(problemsAfter("places.md", places("  - { slug: denver, name: Boston, country: united-states, geonameId: 5419384 }\n", us))).toEqual([
      expect.stringMatching(/GeoNames 5419384 is "Denver", expected the name "Boston" to match it/),
    ]);
    expect(
      problemsAfter("places.md", places("  - { slug: beta-town-2, name: Beta Town, country: otherland, latitude: 1, longitude: 2, source: geo }\n")),
    ).toEqual([expect.stringMatching(/field "cities\[3\]\.name": two cities are named "beta town": expected the region in the name/)]);
    expect(problemsAfter("places.md", places("  - { slug: x, name: X, country: testland, latitude: 1 }\n"))).toEqual([
      expect.stringMatching(/expected latitude, longitude and source together/),
    ]);
  });
});

const GOOD_HOSPITAL = `---
name: Alpha General Hospital
shortName: Alpha General
kind: { value: Children's hospital, source: h1 }
city: alpha-city
citySource: h1
summary: Alpha General is a test hospital. It is used by the tests.
website: { value: "https://example.org/alpha-general", source: h1 }
phone: { value: "000 0001", label: Switchboard, source: dir, unverified: true }
sarcomaTypes: [{ sarcoma: synovial-sarcoma, source: h1 }]
facts:
  - { text: "Alpha General says it is the best.", source: h1, kind: claim }
reviewed: 2026-01-01
nextReview: 2099-01-01
sources:
  - { id: h1, url: "https://example.org/alpha-general", title: Alpha General home page }
  - { id: dir, url: "https://directory.example.org/alpha-general", title: A directory listing, directory: true }
---
`;

const PATHWAY = `---
title: Test pathway
order: 0
trialsCondition: Test Sarcoma
summary: Steps for testing.
steps:
  - slug: first
    title: First step
    what: { text: A biopsy is taken., sources: [p1] }
    who: { text: The team., sources: [p1] }
    questions: [What happens next?]
    treatments: [surgery-option]
  - slug: second
    title: Second step
    what: { text: Surgery., sources: [p1] }
    who: { text: Surgeons., sources: [p1] }
    questions: [How long will it take?]
reviewed: 2026-01-01
nextReview: 2099-01-01
sources:
  - { id: p1, url: "https://example.org/pathway", title: Test pathway page }
---
`;
