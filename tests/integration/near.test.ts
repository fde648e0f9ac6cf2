import { beforeAll, describe, expect, inject, it } from "vitest";
import type { NearAnswer } from "@/lib/data/near";

// "Near" for any town: the resolver against a store the content build wrote, gazetteer
// and ZIP codes included (the fixture content's own cities have sourced positions).

let near: typeof import("@/lib/data/near");

beforeAll(async () => {
  process.env.DATABASE_PATH = inject("fixtureStore");
  near = await import("@/lib/data/near");
});

const found = (a: NearAnswer) => {
  if (a.status !== "found") throw new Error(`expected a place, got ${JSON.stringify(a)}`);
  return a;
};

describe("resolveNear", () => {
  it("finds a town by name, and says where it understood", async () => {
    const a = found(await near.resolveNear("Stockport"));
    expect(a.how).toBe("exact");
    expect(a.place).toMatchObject({ near: "stockport-gb", kind: "place", label: "Stockport, England, United Kingdom" });
    expect(a.place.latitude).toBeCloseTo(53.41, 1);
  });

  it("ignores case, accents and punctuation", async () => {
    expect(found(await near.resolveNear("sao paulo")).place.name).toBe("São Paulo");
    expect(found(await near.resolveNear("SAINT-ETIENNE")).place.near).toBe("st-etienne-fr");
    expect(found(await near.resolveNear("St. Étienne")).place.near).toBe("st-etienne-fr");
  });

  it("reads a canonical place slug back as the same place", async () => {
    const a = found(await near.resolveNear("stockport-gb"));
    expect(a.place.label).toBe("Stockport, England, United Kingdom");
    expect(a.others).toEqual([]);
  });

  it("keeps every old city slug: the content's own city and its own position", async () => {
    const a = found(await near.resolveNear("beta-town"));
    expect(a.place).toMatchObject({ near: "beta-town", kind: "city", name: "Beta Town", latitude: 53.5, longitude: -2.2 });
  });

  it("asks which one when several places share a name, the chosen country first", async () => {
    const a = await near.resolveNear("Richmond");
    expect(a.status).toBe("choose");
    if (a.status !== "choose") return;
    expect(a.options.length).toBeGreaterThan(2);
    expect(a.options.length).toBeLessThanOrEqual(8);
    expect(a.options.map((o) => o.label)).toContain("Richmond, Virginia, United States");
    const inCanada = await near.resolveNear("Richmond", ["CA"]);
    if (inCanada.status !== "choose") throw new Error(inCanada.status);
    expect(inCanada.options.slice(0, 2).map((o) => o.country)).toEqual(["Canada", "Canada"]);
    expect(inCanada.options.slice(0, 2).map((o) => o.label)).toContain("Richmond, British Columbia, Canada");
  });

  it("lets a region or country after a comma choose between them", async () => {
    expect(found(await near.resolveNear("Richmond, Virginia")).place.near).toBe("richmond-va-us");
    expect(found(await near.resolveNear("Portland, OR")).place.label).toBe("Portland, Oregon, United States");
    expect(found(await near.resolveNear("Newcastle, UK")).place.region).toBe("Northern Ireland");
  });

  it("offers longer names that start with the words typed", async () => {
    const a = await near.resolveNear("Newcastle");
    expect(a.status).toBe("choose");
    expect(a.status === "choose" && a.options.map((o) => o.name)).toContain("Newcastle upon Tyne");
  });

  it("takes a place that has by far the most people of its name, and offers the others", async () => {
    const a = found(await near.resolveNear("London"));
    expect(a.how).toBe("likeliest");
    expect(a.place.label).toBe("London, England, United Kingdom");
    expect(a.others.map((o) => o.label)).toContain("London, Ontario, Canada");
  });

  it("finds a place through a small typo, and says it corrected the spelling", async () => {
    const a = found(await near.resolveNear("Stokport"));
    expect(a.how).toBe("spelling");
    expect(a.place.near).toBe("stockport-gb");
  });

  it("finds a US ZIP code, with its state", async () => {
    const a = found(await near.resolveNear("80203"));
    expect(a.place).toMatchObject({ near: "80203", kind: "zip", label: "ZIP code 80203, Colorado, United States" });
    expect(found(await near.resolveNear("90027-1234")).place.near).toBe("90027");
  });

  it("says plainly when it finds nothing, with the nearest spellings", async () => {
    const a = await near.resolveNear("Qzxwvutopia");
    expect(a.status).toBe("none");
    const b = await near.resolveNear("Stockporrtshire");
    expect(b.status === "none" && b.suggestions.map((s) => s.near)).toContain("stockport-gb");
    const zip = await near.resolveNear("00000");
    expect(zip.status === "none" && zip.message).toMatch(/ZIP code 00000/);
  });

  it("refuses hostile or empty input with a message, and never repeats it whole", async () => {
    for (const raw of ["<script>alert(1)</script>" + "x".repeat(200), "' OR 1=1 --", "\u0000\u0001", "!!!", '"a" OR "b"', "1234"]) {
      const a = await near.resolveNear(raw);
      expect(a.status, raw).not.toBe("found");
      if (a.status === "none") expect(a.message.length).toBeLessThan(200);
      expect(a.asked.length).toBeLessThanOrEqual(40);
    }
  });
});
