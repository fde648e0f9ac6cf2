import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildHospitalIndex, byDistance, queryIndex, type IndexRow } from "@/lib/data/hospital-index";
import { NO_FILTERS, type HospitalFilters } from "@/lib/params/search-params";

const CITIES = [
  { slug: "leeds", country: "england" },
  { slug: "london", country: "england" },
  { slug: "glasgow", country: "scotland" },
  { slug: "dublin", country: "ireland" },
];
const TUMORS = ["rhabdomyosarcoma", "embryonal-rhabdomyosarcoma", "alveolar-rhabdomyosarcoma", "synovial-sarcoma"];
const PARENT = new Map([
  ["embryonal-rhabdomyosarcoma", "rhabdomyosarcoma"],
  ["alveolar-rhabdomyosarcoma", "rhabdomyosarcoma"],
]);
const SERVICES = ["proton-beam-therapy", "family-accommodation", "fertility"];

const none = NO_FILTERS;

function row(slug: string, city: string, sarcomaTypes: string[], services: string[], extra: Partial<IndexRow> = {}): IndexRow {
  const c = CITIES.find((x) => x.slug === city)!;
  return {
    slug,
    name: slug.replace(/-/g, " "),
    citySlug: city,
    countrySlug: c.country,
    sarcomaTypes,
    services,
    searchText: `${slug.replace(/-/g, " ")} ${city}`,
    position: { latitude: 50 + CITIES.indexOf(c), longitude: -CITIES.indexOf(c) },
    approximate: false,
    ...extra,
  };
}

const index = buildHospitalIndex(
  [
    row("zeta-childrens", "london", ["rhabdomyosarcoma"], ["proton-beam-therapy"]),
    row("alpha-general", "leeds", ["synovial-sarcoma"], ["family-accommodation", "fertility"]),
    row("beta-childrens", "glasgow", ["alveolar-rhabdomyosarcoma"], ["proton-beam-therapy", "family-accommodation"]),
    row("gamma-centre", "dublin", [], []),
  ],
  PARENT,
  TUMORS,
);
const slugs = (f: Partial<HospitalFilters>) => queryIndex(index, { ...none, ...f }).matches.map((e) => e.slug);

describe("the listing index", () => {
  it("lists by name and filters: cities and countries any of, services all of", () => {
    expect(slugs({})).toEqual(["alpha-general", "beta-childrens", "gamma-centre", "zeta-childrens"]);
    expect(slugs({ city: ["london", "dublin"] })).toEqual(["gamma-centre", "zeta-childrens"]);
    expect(slugs({ country: ["england"] })).toEqual(["alpha-general", "zeta-childrens"]);
    expect(slugs({ service: ["proton-beam-therapy", "family-accommodation"] })).toEqual(["beta-childrens"]);
    expect(slugs({ q: "CHILDRENS glas" })).toEqual(["beta-childrens"]);
  });

  it("counts a hospital listed for a group as treating each type in the group, not the reverse", () => {
    expect(slugs({ tumor: ["embryonal-rhabdomyosarcoma"] })).toEqual(["zeta-childrens"]);
    expect(slugs({ tumor: ["alveolar-rhabdomyosarcoma"] })).toEqual(["beta-childrens", "zeta-childrens"]);
    expect(slugs({ tumor: ["rhabdomyosarcoma"] })).toEqual(["zeta-childrens"]);
  });

  it("counts each option as the number of hospitals choosing it would leave", () => {
    const { counts } = queryIndex(index, { ...none, city: ["london"] });
    // Another city widens a city choice, so city counts ignore the city filter...
    expect(Object.fromEntries(counts.city)).toEqual({ leeds: 1, london: 1, glasgow: 1, dublin: 1 });
    // ...while the other facets count within London.
    expect(Object.fromEntries(counts.country)).toEqual({ england: 1 });
    expect(Object.fromEntries(counts.service)).toEqual({ "proton-beam-therapy": 1 });
  });

  it("orders by distance, nearest first", () => {
    const from = { latitude: 52, longitude: -2 };
    expect(byDistance(index.entries, from).map((d) => d.item.slug)).toEqual(["beta-childrens", "gamma-centre", "zeta-childrens", "alpha-general"]);
  });

  // The one-pass counting against the definition, on random hospitals and filters.
  it("agrees with counting each option by filtering again", () => {
    const rowArb = fc.record({
      city: fc.constantFrom(...CITIES.map((c) => c.slug)),
      sarcomas: fc.subarray(TUMORS),
      services: fc.subarray(SERVICES),
    });
    const filtersArb = fc.record({
      city: fc.subarray(
        CITIES.map((c) => c.slug),
        { maxLength: 2 },
      ),
      country: fc.subarray(["england", "scotland", "ireland"], { maxLength: 2 }),
      tumor: fc.subarray(TUMORS, { maxLength: 2 }),
      service: fc.subarray(SERVICES, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 12 }), filtersArb, (rows, chosen) => {
        const indexRows = rows.map((r, i) => row(`h-${String(i).padStart(2, "0")}`, r.city, r.sarcomas, r.services));
        const idx = buildHospitalIndex(indexRows, PARENT, TUMORS);
        const f = { ...none, ...chosen };
        // The definitions, over the rows as given rather than the index's own sets.
        const rowOf = new Map(indexRows.map((r) => [r.slug, r]));
        const treats = (e: IndexRow, t: string) => e.sarcomaTypes.includes(t) || (PARENT.has(t) && e.sarcomaTypes.includes(PARENT.get(t)!));
        const matchAll = ({ slug }: { slug: string }, g: HospitalFilters, e = rowOf.get(slug)!) =>
          (!g.city.length || g.city.includes(e.citySlug)) &&
          (!g.country.length || g.country.includes(e.countrySlug)) &&
          (!g.tumor.length || g.tumor.some((t) => treats(e, t))) &&
          g.service.every((s) => e.services.includes(s));
        const result = queryIndex(idx, f);
        expect(result.matches.map((e) => e.slug)).toEqual(idx.entries.filter((e) => matchAll(e, f)).map((e) => e.slug));
        const expectCount = (facet: "city" | "country" | "tumor" | "service", option: string, n: number) =>
          expect(result.counts[facet].get(option) ?? 0, `${facet} ${option}`).toBe(n);
        for (const c of CITIES) expectCount("city", c.slug, idx.entries.filter((e) => matchAll(e, { ...f, city: [c.slug] })).length);
        for (const k of ["england", "scotland", "ireland"]) expectCount("country", k, idx.entries.filter((e) => matchAll(e, { ...f, country: [k] })).length);
        for (const t of TUMORS) expectCount("tumor", t, idx.entries.filter((e) => matchAll(e, { ...f, tumor: [t] })).length);
        for (const s of SERVICES) expectCount("service", s, idx.entries.filter((e) => matchAll(e, { ...f, service: [...f.service, s] })).length);
      }),
      { numRuns: 300 },
    );
  });
});
