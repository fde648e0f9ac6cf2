import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { CHILD_AND_RECRUITING, SOFT_TISSUE_SARCOMA_CONDITION, TRIALS_DISTANCE_MILES, trialsLabel, trialsSearchUrl } from "@/lib/params/trials";

const content = path.resolve(import.meta.dirname, "../../content");

function frontMatter(folder: string) {
  return readdirSync(path.join(content, folder))
    .filter((f) => f.endsWith(".md"))
    .map((f) => ({
      slug: f.slice(0, -3),
      data: matter(readFileSync(path.join(content, folder, f), "utf8"), {
        engines: { yaml: (s: string) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object },
      }).data as {
        name?: string;
        trialsCondition?: string;
      },
    }));
}

function params(url: string) {
  const u = new URL(url);
  expect(`${u.origin}${u.pathname}`).toBe("https://clinicaltrials.gov/search");
  return u.searchParams;
}

describe("ClinicalTrials.gov search links", () => {
  const types = frontMatter("sarcomas");

  it.each(types.map((t) => [t.slug, t.data] as const))("%s: its condition, recruiting, children", (_slug, data) => {
    const p = params(trialsSearchUrl(data.trialsCondition ?? data.name));
    expect(p.get("cond")).toBe(data.trialsCondition ?? data.name);
    expect(p.get("aggFilters")).toBe(CHILD_AND_RECRUITING);
    // No place: the search covers every country.
    for (const key of ["country", "locStr", "city", "state", "distance", "lat", "lng"]) expect(p.has(key)).toBe(false);
  });

  it("names every pathway's condition, and spells each type as the register does where it differs", () => {
    for (const p of frontMatter("pathways")) expect(p.data.trialsCondition, p.slug).toMatch(/\S/);
    // ClinicalTrials.gov spells tumour "tumor".
    for (const t of types.filter((t) => /tumour/i.test(t.data.name ?? ""))) expect(t.data.trialsCondition, t.slug).toMatch(/Tumor/);
  });

  it("for a centre: the condition, the town and the country, with the state only in the United States", () => {
    const leeds = params(trialsSearchUrl("Rhabdomyosarcoma", { kind: "city", city: "Leeds", region: "England", country: "United Kingdom" }));
    expect(Object.fromEntries(leeds)).toEqual({
      cond: "Rhabdomyosarcoma",
      aggFilters: "ages:child,status:rec",
      country: "United Kingdom",
      locStr: "Leeds, England, United Kingdom",
      city: "Leeds",
    });
    const houston = params(trialsSearchUrl(null, { kind: "city", city: "Houston", region: "Texas", country: "United States" }));
    expect(houston.get("cond")).toBe(SOFT_TISSUE_SARCOMA_CONDITION);
    expect(houston.get("state")).toBe("Texas");
    expect(houston.get("city")).toBe("Houston");
    expect(houston.has("distance")).toBe(false);
  });

  it("for a place a family typed: its name, position and a distance in miles", () => {
    const p = params(
      trialsSearchUrl("Synovial sarcoma", {
        kind: "near",
        name: "Stockport",
        region: "England",
        country: "United Kingdom",
        latitude: 53.40979,
        longitude: -2.14929,
      }),
    );
    expect(p.get("locStr")).toBe("Stockport, England, United Kingdom");
    expect(p.get("lat")).toBe("53.4098");
    expect(p.get("lng")).toBe("-2.1493");
    expect(p.get("distance")).toBe(String(TRIALS_DISTANCE_MILES));
    expect(p.has("city")).toBe(false);
  });

  it("gives a working link whatever it is given: a failed look-up never breaks a page", () => {
    expect(params(trialsSearchUrl(undefined)).get("cond")).toBe(SOFT_TISSUE_SARCOMA_CONDITION);
    expect(params(trialsSearchUrl("   ")).get("cond")).toBe(SOFT_TISSUE_SARCOMA_CONDITION);
    const noCountry = params(trialsSearchUrl("Liposarcoma", { kind: "city", city: "Leeds", country: " " }));
    expect([...noCountry.keys()]).toEqual(["cond", "aggFilters"]);
    const noPosition = params(trialsSearchUrl("Liposarcoma", { kind: "near", name: "Leeds", country: "United Kingdom", latitude: Number.NaN, longitude: 2 }));
    expect(noPosition.has("distance")).toBe(false);
    // Spaces are written %20, and characters that mean something in a URL are escaped.
    const odd = trialsSearchUrl("A & B", { kind: "city", city: "Saint-Étienne", country: "France" });
    expect(odd).not.toMatch(/[ +]/);
    expect(params(odd).get("cond")).toBe("A & B");
    expect(params(odd).get("city")).toBe("Saint-Étienne");
  });

  it("reads a condition as a sentence does", () => {
    expect(trialsLabel("Soft Tissue Sarcoma OR Rhabdomyosarcoma")).toBe("soft tissue sarcoma or rhabdomyosarcoma");
  });
});
