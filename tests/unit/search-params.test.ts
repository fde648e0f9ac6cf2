import { describe, expect, it } from "vitest";
import {
  compareUrl,
  hospitalQueryString,
  MAX_QUERY_LENGTH,
  NO_FILTERS,
  packUrl,
  parseCompareParams,
  parseHospitalParams,
  parsePackParams,
  rawQueryString,
  type RawParams,
} from "@/lib/params/search-params";

const vocab = {
  city: new Map([
    ["london", "London"],
    ["leeds", "Leeds"],
  ]),
  country: new Map([["united-kingdom", "United Kingdom"]]),
  tumor: new Map([["rhabdomyosarcoma", "Rhabdomyosarcoma"]]),
  service: new Map([
    ["proton-beam-therapy", "Proton beam therapy"],
    ["family-accommodation", "Family accommodation"],
  ]),
};

const parse = (raw: RawParams) => parseHospitalParams(raw, vocab);

describe("parseHospitalParams", () => {
  it("gives defaults for an empty query, the same as NO_FILTERS", () => {
    expect(parse({})).toEqual({
      filters: { city: [], country: [], tumor: [], service: [], q: "", near: null, sort: "name", page: 1, view: "list" },
      notices: [],
    });
    // The constant the rest of the code starts from is exactly that, and its URL has no query.
    expect(NO_FILTERS).toEqual(parse({}).filters);
    expect(hospitalQueryString(NO_FILTERS)).toBe("");
  });

  it("reads good values, repeated keys and mixed case", () => {
    const { filters, notices } = parse({
      city: ["London", "leeds", "london"],
      tumor: "rhabdomyosarcoma",
      service: ["proton-beam-therapy"],
      q: "  GOSH  ",
      page: "2",
    });
    expect(notices).toEqual([]);
    expect(filters).toMatchObject({ city: ["london", "leeds"], tumor: ["rhabdomyosarcoma"], service: ["proton-beam-therapy"], q: "GOSH", page: 2 });
  });

  it("sorts by distance when a known city is given for near", () => {
    expect(parse({ near: "leeds" }).filters).toMatchObject({ near: "leeds", sort: "distance" });
    expect(parse({ near: "leeds", sort: "name" }).filters).toMatchObject({ near: "leeds", sort: "name" });
  });

  it("drops unknown slugs with a notice and keeps the rest", () => {
    const { filters, notices } = parse({ city: ["atlantis", "london"], tumor: "dragon-sarcoma" });
    expect(filters.city).toEqual(["london"]);
    expect(filters.tumor).toEqual([]);
    expect(notices.map((n) => n.param)).toEqual(["city", "tumor"]);
    expect(notices[0].message).toContain('"atlantis"');
  });

  it.each([["-3"], ["0"], ["1.5"], ["abc"], ["99999999999"], [""]])("falls back to page 1 for page=%s", (page) => {
    const { filters, notices } = parse({ page });
    expect(filters.page).toBe(1);
    expect(notices.length).toBe(page === "" ? 0 : 1);
  });

  it("reads view=map and refuses other views", () => {
    expect(parse({ view: "map" }).filters.view).toBe("map");
    expect(parse({ view: "globe" })).toMatchObject({ filters: { view: "list" }, notices: [{ param: "view" }] });
  });

  it("uses the first of repeated single values and says so", () => {
    const { filters, notices } = parse({ page: ["2", "3"], q: ["a", "b"] });
    expect(filters).toMatchObject({ page: 2, q: "a" });
    expect(notices.map((n) => n.param).sort()).toEqual(["page", "q"]);
  });

  it("refuses sort=distance without a city, and unknown sorts", () => {
    expect(parse({ sort: "distance" })).toMatchObject({ filters: { sort: "name" }, notices: [{ param: "sort" }] });
    expect(parse({ sort: "random" })).toMatchObject({ filters: { sort: "name" }, notices: [{ param: "sort" }] });
  });

  it("cuts a very long q and strips control characters", () => {
    const { filters, notices } = parse({ q: `${"x".repeat(10_000)}` });
    expect(filters.q.length).toBe(MAX_QUERY_LENGTH);
    expect(notices).toHaveLength(1);
    expect(parse({ q: "a\u0000b\nc" }).filters.q).toBe("a b c");
  });

  it("never throws on hostile input", () => {
    const hostile: RawParams = {
      city: ["<script>alert(1)</script>", "'; DROP TABLE Hospital; --", "../../etc/passwd", "ｌｏｎｄｏｎ", "%00", "x".repeat(100_000)],
      country: "🇬🇧",
      tumor: ["rhabdomyosarcoma", "rhabdomyosarcoma", "RHABDOMYOSARCOMA"],
      service: Array.from({ length: 500 }, () => "proton-beam-therapy"),
      near: ["<b>", "leeds"],
      sort: "<img src=x onerror=alert(1)>",
      page: "1e3",
      q: "' OR 1=1 --<svg onload=alert(1)>",
      unknown: "ignored",
    };
    const { filters, notices } = parse(hostile);
    // `near` is passed on as given (the first of two), for lib/data/near.ts to look up or refuse.
    expect(filters).toMatchObject({
      city: [],
      country: [],
      tumor: ["rhabdomyosarcoma"],
      service: ["proton-beam-therapy"],
      near: "<b>",
      sort: "distance",
      page: 1,
    });
    expect(notices.map((n) => n.param)).toContain("near");
    expect(filters.q).toBe("' OR 1=1 --<svg onload=alert(1)>");
    for (const n of notices) expect(n.message.length).toBeLessThan(200);
  });

  it("makes one canonical URL per result set", () => {
    expect(hospitalQueryString({ city: ["leeds", "london"], tumor: [], q: "", near: null, sort: "name", page: 1, view: "list" })).toBe(
      "?city=leeds&city=london",
    );
    expect(hospitalQueryString({ city: ["london", "leeds"], page: 1 })).toBe(hospitalQueryString({ city: ["leeds", "london"], page: 1 }));
    expect(hospitalQueryString({ near: "leeds", sort: "distance", page: 2 })).toBe("?near=leeds&page=2");
    expect(hospitalQueryString({ near: "leeds", sort: "name" })).toBe("?near=leeds&sort=name");
    expect(hospitalQueryString({ city: ["leeds"], view: "map" })).toBe("?city=leeds&view=map");
  });
});

describe("parseCompareParams", () => {
  const known = {
    hospitals: new Map([
      ["a", "Alpha"],
      ["b", "Beta"],
      ["c", "Gamma"],
      ["d", "Delta"],
      ["e", "Epsilon"],
    ]),
    cities: new Map([["leeds", "Leeds"]]),
  };

  it("keeps up to four known, distinct hospitals and says what it dropped", () => {
    const { slugs, notices } = parseCompareParams({ h: ["a", "b", "b", "nope", "c", "d", "e"], near: "leeds" }, known);
    expect(slugs).toEqual(["a", "b", "c", "d"]);
    expect(notices.map((n) => n.message)).toEqual([
      "Beta was chosen twice; it is shown once.",
      'We don\'t have a hospital called "nope", so it is not compared.',
      "We can compare up to 4 hospitals at once, so we kept the first 4.",
    ]);
  });

  it("ignores empty choices, and passes near on trimmed for lib/data/near.ts to look up", () => {
    expect(parseCompareParams({ h: ["a", ""], near: "" }, known)).toEqual({ slugs: ["a"], near: null, notices: [] });
    expect(parseCompareParams({ h: "a", near: "  Stockport " }, known)).toEqual({ slugs: ["a"], near: "Stockport", notices: [] });
  });

  it("builds the URL back", () => {
    expect(compareUrl(["a", "b"], "leeds")).toBe("/compare?h=a&h=b&near=leeds");
    expect(compareUrl([])).toBe("/compare");
  });
});

describe("parsePackParams", () => {
  const known = {
    hospitals: new Map([
      ["a", "Alpha"],
      ["b", "Beta"],
      ["c", "Gamma"],
      ["d", "Delta"],
      ["e", "Epsilon"],
    ]),
    pathways: new Map([["rms", "Newly diagnosed rhabdomyosarcoma"]]),
  };

  it("keeps up to four known, distinct hospitals and one known pathway, and says what it dropped", () => {
    const { slugs, pathway, notices } = parsePackParams({ h: ["a", "a", "zz", "b", "c", "d", "e"], pathway: "rms" }, known);
    expect(slugs).toEqual(["a", "b", "c", "d"]);
    expect(pathway).toBe("rms");
    expect(notices.map((n) => n.message)).toEqual([
      "Alpha was chosen twice; it is shown once.",
      'We don\'t have a hospital called "zz", so it is not in the pack.',
      "A pack can hold up to 4 hospitals at once, so we kept the first 4.",
    ]);
  });

  it("explains an unknown or repeated pathway, and takes the form's empty choices as none", () => {
    expect(parsePackParams({ pathway: "<b>nope</b>" }, known).notices.map((n) => n.message)).toEqual([
      'We don\'t have a pathway called "<b>nope</b>", so no pathway is in the pack.',
    ]);
    expect(parsePackParams({ pathway: ["rms", "other"] }, known)).toMatchObject({ pathway: "rms", notices: [{ param: "pathway" }] });
    expect(parsePackParams({ h: ["", "b"], pathway: "" }, known)).toEqual({ slugs: ["b"], pathway: null, notices: [] });
  });

  it("builds the URL back", () => {
    expect(packUrl(["a", "b"], "rms")).toBe("/pack?h=a&h=b&pathway=rms");
    expect(packUrl([], null)).toBe("/pack");
  });
});

describe("rawQueryString", () => {
  it("rebuilds the query as it arrived, so a non-canonical URL can be redirected", () => {
    expect(rawQueryString({ q: "", country: "ireland", near: "" })).toBe("?q=&country=ireland&near=");
    expect(rawQueryString({ city: ["london", "leeds"] })).toBe("?city=london&city=leeds");
    expect(rawQueryString({})).toBe("");
    const { filters } = parseHospitalParams({ city: ["london", "leeds"] }, vocab);
    expect(hospitalQueryString(filters)).toBe("?city=leeds&city=london");
    expect(hospitalQueryString(parseHospitalParams({ city: ["leeds", "london"] }, vocab).filters)).toBe(rawQueryString({ city: ["leeds", "london"] }));
  });
});
