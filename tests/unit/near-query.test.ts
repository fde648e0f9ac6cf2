import { describe, expect, it } from "vitest";
import { matchesQualifier, MAX_NEAR_LENGTH, parseNearQuery, trigramQuery, typoAllowance } from "@/lib/params/near-query";
import { placeKey } from "@/lib/params/place-key";

describe("placeKey", () => {
  it("folds case, accents, punctuation, Saint and letters NFD keeps whole", () => {
    expect(placeKey("Saint-Étienne")).toBe("st etienne");
    expect(placeKey("St. Etienne")).toBe("st etienne");
    expect(placeKey("SÃO PAULO")).toBe("sao paulo");
    expect(placeKey("Łódź")).toBe("lodz");
    expect(placeKey("Tromsø")).toBe("tromso");
    expect(placeKey("  Stoke-on-Trent ")).toBe("stoke on trent");
  });
});

describe("parseNearQuery", () => {
  it("reads a US ZIP code, and ZIP+4 as its first five digits", () => {
    expect(parseNearQuery("80203")).toEqual({ kind: "zip", code: "80203", text: "80203" });
    expect(parseNearQuery(" 90027-1234 ")).toMatchObject({ kind: "zip", code: "90027" });
  });

  it("marks text written as one of our URLs write a place, to try as a slug first", () => {
    expect(parseNearQuery("leeds")).toMatchObject({ kind: "name", key: "leeds", slug: "leeds" });
    expect(parseNearQuery("stockport-gb")).toMatchObject({ kind: "name", slug: "stockport-gb" });
    // Typed text is looked up by name, never as a slug.
    expect(parseNearQuery("Leeds")).toMatchObject({ kind: "name", key: "leeds", slug: null });
  });

  it("splits a region or country after commas", () => {
    expect(parseNearQuery("Richmond, Virginia, USA")).toMatchObject({ kind: "name", key: "richmond", qualifiers: ["virginia", "usa"] });
    expect(parseNearQuery("Portland,, OR")).toMatchObject({ key: "portland", qualifiers: ["or"] });
  });

  it("refuses what cannot be a place, with a short message", () => {
    for (const raw of ["!!!", "<>", "1234", "123456", "x".repeat(MAX_NEAR_LENGTH + 1)]) {
      const q = parseNearQuery(raw);
      expect(q.kind, raw).toBe("invalid");
      if (q.kind === "invalid") expect(q.message.length).toBeLessThan(160);
    }
    // Markup and SQL are only letters to look up once folded; nothing of them survives.
    expect(parseNearQuery("<script>alert(1)</script>")).toMatchObject({ kind: "name", key: "script alert 1 script" });
    expect(parseNearQuery("'; DROP TABLE Place; --")).toMatchObject({ kind: "name", key: "drop table place" });
    expect(parseNearQuery("a\u0000b\u0007c")).toMatchObject({ kind: "name", key: "a b c" });
  });
});

describe("matching a qualifier", () => {
  const richmondVa = { region: "Virginia", regionCode: "VA", country: "United States", countryCode: "US" };
  it("accepts the region's name or code, the country's name, code or common other name", () => {
    for (const q of ["virginia", "va", "united states", "us", "usa", "america"]) expect(matchesQualifier(q, richmondVa), q).toBe(true);
    for (const q of ["oregon", "canada", "uk"]) expect(matchesQualifier(q, richmondVa), q).toBe(false);
  });
});

describe("spelling tolerance", () => {
  it("allows one change in a short name and two in a longer one", () => {
    expect(typoAllowance("york")).toBe(1);
    expect(typoAllowance("stockport")).toBe(2);
  });

  it("asks FTS5 for any shared trigram, quoted", () => {
    expect(trigramQuery("leeds")).toBe('"lee" OR "eed" OR "eds"');
    expect(trigramQuery("ab")).toBeNull();
  });
});
