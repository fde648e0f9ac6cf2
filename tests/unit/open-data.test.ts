import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { HospitalCard } from "@/lib/data/hospitals";
import { CSV_COLUMNS, hospitalsCsv, toRawParams } from "@/lib/present/open-data";

const card: HospitalCard = {
  slug: "x",
  name: '=HYPERLINK("http://evil")',
  shortName: 'X, "quoted"',
  kind: "Children's hospital",
  city: "Leeds",
  citySlug: "leeds",
  country: "United Kingdom",
  countrySlug: "united-kingdom",
  summary: "s",
  sarcomaTypes: [],
  sarcomaTypeSlugs: ["rhabdomyosarcoma", "synovial-sarcoma"],
  services: [],
  serviceSlugs: [],
  website: "https://example.org",
  phone: { value: "+44 113 000", unverified: true },
  reviewed: "2026-11-23",
  nextReview: "2027-05-23",
  latitude: 53.8,
  longitude: -1.5,
  distanceKm: null,
  approximatePosition: true,
  tier: 2,
  tierNetworks: [],
  networks: [{ slug: "cog", shortName: "COG" }],
};

describe("open data", () => {
  it("writes CSV that parses back, with formulas neutralised and numbers intact", () => {
    const rows = parse(hospitalsCsv([card], "https://site.example"), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(rows[0]).toMatchObject({
      name: `'=HYPERLINK("http://evil")`,
      short_name: 'X, "quoted"',
      longitude: "-1.5",
      phone: "'+44 113 000",
      phone_unconfirmed: "yes",
      sarcoma_types: "rhabdomyosarcoma synovial-sarcoma",
      profile_url: "https://site.example/hospitals/x",
      networks: "cog",
      tier: "2",
    });
  });

  it("turns repeated query keys into arrays", () => {
    expect(toRawParams(new URLSearchParams("city=a&city=b&q=x"))).toEqual({ city: ["a", "b"], q: "x" });
  });
});
