import { describe, expect, it } from "vitest";
import { placeGroupLink, renderMap, type MapPoint } from "@/lib/present/map";
import type { HospitalFilters } from "@/lib/params/search-params";

const none: HospitalFilters = { city: [], country: [], tumor: [], service: [], q: "", near: null, sort: "name", page: 1, view: "map" };
const names = {
  city: new Map([
    ["london", "London"],
    ["cambridge", "Cambridge"],
    ["boston", "Boston"],
  ]),
  country: new Map([
    ["united-kingdom", "United Kingdom"],
    ["united-states", "United States"],
  ]),
};
const point = (slug: string, citySlug: string, countrySlug: string, latitude: number, longitude: number): MapPoint => ({
  slug,
  name: slug,
  city: citySlug,
  citySlug,
  countrySlug,
  latitude,
  longitude,
  approximate: true,
});
const world = [
  point("gosh", "london", "united-kingdom", 51.52, -0.12),
  point("uclh", "london", "united-kingdom", 51.52, -0.13),
  point("addenbrookes", "cambridge", "united-kingdom", 52.18, 0.14),
  point("boston-childrens", "boston", "united-states", 42.34, -71.1),
  point("sydney", "sydney", "australia", -33.9, 151.2),
];

describe("the map", () => {
  it("draws markers that would overlap at world scale as one counted marker linking to their place's listing", () => {
    const { markers, groups } = renderMap(world, placeGroupLink(none, names));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 3, href: "/hospitals?country=united-kingdom&view=map" });
    expect(groups[0].label).toBe("3 hospitals in United Kingdom: show them");
    expect(markers.map((m) => m.slug).sort()).toEqual(["boston-childrens", "sydney"]);
  });

  it("zooms to the country chosen, where its cities are apart again", () => {
    const uk = world.filter((p) => p.countrySlug === "united-kingdom");
    const { markers, groups } = renderMap(uk, placeGroupLink({ ...none, country: ["united-kingdom"] }, names));
    expect(markers.map((m) => m.slug)).toContain("addenbrookes");
    // The two London hospitals still touch: their group links to London, keeping the other filters.
    expect(groups).toEqual([expect.objectContaining({ count: 2, href: "/hospitals?city=london&view=map" })]);
  });

  it("spreads the hospitals of the one city already shown instead of linking to itself", () => {
    const london = world.filter((p) => p.citySlug === "london");
    const { markers, groups } = renderMap(london, placeGroupLink({ ...none, city: ["london"] }, names));
    expect(groups).toEqual([]);
    expect(markers).toHaveLength(2);
    expect(markers[0].x).not.toBe(markers[1].x);
  });
});
