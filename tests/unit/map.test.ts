import { geoPath } from "d3-geo";
import { describe, expect, it } from "vitest";
import { inView, placeGroupLink, renderMap, viewOf, type MapPoint } from "@/lib/present/map";
import { NO_FILTERS, type HospitalFilters } from "@/lib/params/search-params";

const none: HospitalFilters = { ...NO_FILTERS, view: "map" };
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

describe("the map's outlines", () => {
  const at = (latitude: number, longitude: number, i = 0) => point(`p${i}`, `c${i}`, "x", latitude, longitude);
  // Views of every kind the listing makes: a lone city, a country, a region, the world, and
  // places where outlines cross the antimeridian (Fiji, Russia, Alaska) or reach the poles.
  const views: Record<string, MapPoint[]> = {
    "a lone city (London)": [at(51.52, -0.12)],
    "a country (Finland)": [at(60.17, 24.94), at(65.01, 25.47, 1)],
    "a small country (Switzerland)": [at(46.2, 6.14), at(47.37, 8.54, 1)],
    "a region (the United Kingdom and Ireland)": [at(51.52, -0.12), at(55.95, -3.19, 1), at(53.35, -6.26, 2)],
    "a continent (North America)": [at(42.34, -71.1), at(49.28, -123.12, 1), at(19.43, -99.13, 2)],
    "the world": world,
    "near the antimeridian (Fiji and New Zealand)": [at(-18.14, 178.44), at(-36.85, 174.76, 1)],
    "Alaska and the Russian Far East": [at(61.22, -149.9), at(53.02, 158.65, 1)],
    "far south (Tierra del Fuego)": [at(-54.8, -68.3)],
    "far north (Svalbard)": [at(78.22, 15.65)],
  };

  for (const [name, points] of Object.entries(views)) {
    it(`draws the same outlines as projecting every country: ${name}`, () => {
      const { projection, countries } = viewOf(points);
      const path = geoPath(projection).digits(0);
      const drawn = (list: typeof countries) => list.map((c) => path(c.feature)).filter((d) => d !== null && d !== "");
      const all = drawn(countries);
      expect(all.length).toBeGreaterThan(0);
      expect(drawn(inView(countries, projection))).toEqual(all);
      expect(renderMap(points).countryPaths).toEqual(all);
    });
  }

  it("projects only the countries near the view, not the whole atlas", () => {
    const { projection, countries } = viewOf(views["a country (Finland)"]);
    const kept = inView(countries, projection);
    expect(countries.length).toBeGreaterThan(200);
    expect(kept.length).toBeLessThan(countries.length / 5);
  });
});
