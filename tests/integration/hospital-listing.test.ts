import { beforeAll, describe, expect, inject, it } from "vitest";
import { NO_FILTERS, type HospitalFilters } from "@/lib/params/search-params";

let hospitals: typeof import("@/lib/data/hospitals");
let profile: typeof import("@/lib/data/hospital-profile");

beforeAll(async () => {
  process.env.DATABASE_PATH = inject("fixtureStore");
  hospitals = await import("@/lib/data/hospitals");
  profile = await import("@/lib/data/hospital-profile");
});

const none = NO_FILTERS;
const slugs = async (f: Partial<HospitalFilters>) => (await hospitals.listHospitals({ ...none, ...f })).items.map((h) => h.slug);

describe("listHospitals on the fixture store", () => {
  it("lists all hospitals by name", async () => {
    expect(await slugs({})).toEqual(["alpha-childrens", "alpha-general", "beta-childrens", "gamma-cancer-centre"]);
  });

  it("filters by city (any of), country and service (all of)", async () => {
    expect(await slugs({ city: ["alpha-city"] })).toEqual(["alpha-childrens", "alpha-general"]);
    expect(await slugs({ city: ["alpha-city", "beta-town"] })).toHaveLength(3);
    expect(await slugs({ country: ["otherland"] })).toEqual(["gamma-cancer-centre"]);
    expect(await slugs({ service: ["proton-beam-therapy"] })).toEqual(["alpha-childrens", "gamma-cancer-centre"]);
    expect(await slugs({ service: ["proton-beam-therapy", "family-accommodation"] })).toEqual(["alpha-childrens"]);
  });

  it("counts a hospital listed for a group as treating each type in it", async () => {
    expect(await slugs({ tumor: ["rhabdomyosarcoma"], country: ["testland"] })).toEqual(["alpha-childrens"]);
    expect(await slugs({ tumor: ["alveolar-rhabdomyosarcoma"], country: ["testland"] })).toEqual(["alpha-childrens", "beta-childrens"]);
    expect(await slugs({ tumor: ["synovial-sarcoma"], city: ["beta-town"] })).toEqual(["beta-childrens"]);
  });

  it("lists a network's members after the hospitals whose pages name the type, saying which network", async () => {
    // Gamma names no type, but its network's source covers soft tissue sarcoma.
    const listing = await hospitals.listHospitals({ ...none, tumor: ["alveolar-rhabdomyosarcoma"] });
    expect(listing.items.map((h) => [h.slug, h.tier])).toEqual([
      ["alpha-childrens", 1],
      ["beta-childrens", 1],
      ["gamma-cancer-centre", 2],
    ]);
    expect(listing.items[2].tierNetworks.map((n) => n.slug)).toEqual(["test-network"]);
    expect(listing.items[0].tierNetworks).toEqual([]);
    // Nearest first within each tier, never a second-tier centre above a first-tier one.
    const near = await hospitals.listHospitals({ ...none, tumor: ["rhabdomyosarcoma"], near: "gamma-ville", sort: "distance" });
    expect(near.items.map((h) => [h.slug, h.tier])).toEqual([
      ["alpha-childrens", 1],
      ["gamma-cancer-centre", 2],
    ]);
    // The counts beside each type include both tiers; a type outside the network's scope only the first.
    const count = (slug: string) => listing.facets.tumor.find((o) => o.slug === slug)?.count;
    expect(count("synovial-sarcoma")).toBe(3);
    expect(await slugs({ tumor: [] })).toHaveLength(4);
    expect(listing.items.every((h) => h.tier !== null)).toBe(true);
    expect((await hospitals.listHospitals({ ...none })).items.every((h) => h.tier === null)).toBe(true);
  });

  it("counts a type's centres in each tier for its page", async () => {
    expect(await hospitals.countHospitalsForType("synovial-sarcoma")).toMatchObject({
      named: 2,
      throughNetworks: 1,
      networks: [{ slug: "test-network", count: 1 }],
    });
  });

  it("searches name, city and what the hospital treats", async () => {
    expect(await slugs({ q: "gamma" })).toEqual(["gamma-cancer-centre"]);
    expect(await slugs({ q: "beta town" })).toEqual(["beta-childrens"]);
    expect(await slugs({ q: "SYNOVIAL" })).toEqual(["alpha-general", "beta-childrens"]);
    expect(await slugs({ q: "rms" })).toEqual(["alpha-childrens", "beta-childrens"]);
    expect(await slugs({ q: "'; DROP TABLE Hospital; --" })).toEqual([]);
  });

  it("sorts by great-circle distance, using the city centre where a hospital has no position", async () => {
    const listing = await hospitals.listHospitals({ ...none, near: "beta-town", sort: "distance" });
    expect(listing.items.map((h) => h.slug)).toEqual(["beta-childrens", "alpha-childrens", "alpha-general", "gamma-cancer-centre"]);
    const general = listing.items.find((h) => h.slug === "alpha-general")!;
    expect(general.approximatePosition).toBe(true);
    expect(listing.items[0].distanceKm).toBeLessThan(5);
    expect(listing.items[3].distanceKm).toBeGreaterThan(5000);
  });

  it("counts what each filter option would leave", async () => {
    const { facets, total } = await hospitals.listHospitals({ ...none, city: ["alpha-city"] });
    expect(total).toBe(2);
    const count = (facet: keyof typeof facets, slug: string) => facets[facet].find((o) => o.slug === slug)?.count;
    expect(count("city", "beta-town")).toBe(1);
    expect(count("city", "alpha-city")).toBe(2);
    expect(count("service", "proton-beam-therapy")).toBe(1);
    expect(count("tumor", "alveolar-rhabdomyosarcoma")).toBe(1);
    expect(count("country", "testland")).toBe(2);
    expect(facets.city.find((o) => o.slug === "alpha-city")?.selected).toBe(true);
  });

  it("pages past the end without failing", async () => {
    const listing = await hospitals.listHospitals({ ...none, page: 50 });
    expect(listing).toMatchObject({ total: 4, pageCount: 1, items: [] });
  });

  it("suggests which filter to relax for an empty result", async () => {
    const f = { ...none, city: ["beta-town"], tumor: ["rhabdomyosarcoma"] };
    expect(await slugs(f)).toEqual([]);
    const suggestions = await hospitals.suggestRelaxations(f);
    expect(suggestions.map((s) => [s.label, s.count])).toEqual([
      ["without “Rhabdomyosarcoma”", 1],
      ["without “Beta Town”", 2],
    ]);
  });
});

describe("getHospital", () => {
  it("returns the profile with numbered sources and flags", async () => {
    const h = await profile.getHospital("alpha-general");
    expect(h).not.toBeNull();
    expect(h!.position.approximate).toBe(true);
    expect(h!.fields.phone).toMatchObject({ value: "000 0001", unverified: true });
    expect(h!.facts[0]).toMatchObject({ kind: "claim" });
    expect(h!.sources.map((s) => s.n)).toEqual(h!.sources.map((_, i) => i + 1));
    expect(h!.sameCity.map((o) => o.slug)).toEqual(["alpha-childrens"]);
  });

  it("returns null for an unknown slug", async () => {
    expect(await profile.getHospital("no-such-hospital")).toBeNull();
  });
});
