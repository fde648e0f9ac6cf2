import { describe, expect, it } from "vitest";
import { loadGazetteer, placeKey, resolvePlace } from "@/lib/content/gazetteer";

describe("the gazetteer", () => {
  const g = loadGazetteer();

  it("ignores case, accents and punctuation", () => {
    expect(placeKey("Saint-Étienne")).toBe(placeKey("saint etienne"));
    const zurich = resolvePlace(g, { name: "zurich", countryCode: "CH" });
    expect(zurich.ok && zurich.city.name).toBe("Zürich");
  });

  it("chooses by region where a name is shared, with Canada's and Australia's usual abbreviations", () => {
    const oregon = resolvePlace(g, { name: "Portland", countryCode: "US", admin: "OR" });
    expect(oregon.ok && oregon.city.geonameId).toBe(5746545);
    const ontario = resolvePlace(g, { name: "London", countryCode: "CA", admin: "ON" });
    expect(ontario.ok && Math.round(ontario.city.latitude)).toBe(43);
    const nsw = resolvePlace(g, { name: "Sydney", countryCode: "AU", admin: "NSW" });
    expect(nsw.ok && Math.round(nsw.city.longitude)).toBe(151);
  });

  it("never guesses between places of one name, and names the choices", () => {
    const r = resolvePlace(g, { name: "Springfield", countryCode: "US" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/names \d+ gazetteer places in US: expected admin or geonameId/);
  });

  it("checks a GeoNames id against the country and the name", () => {
    expect(resolvePlace(g, { name: "London", countryCode: "GB", geonameId: 2643743 }).ok).toBe(true);
    expect(resolvePlace(g, { name: "London", countryCode: "US", geonameId: 2643743 })).toMatchObject({ ok: false });
    expect(resolvePlace(g, { name: "Paris", countryCode: "GB", geonameId: 2643743 })).toMatchObject({ ok: false });
  });
});
