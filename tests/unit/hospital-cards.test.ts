import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HospitalCards } from "@/components/hospital-card";
import type { HospitalCard } from "@/lib/data/hospitals";

// The listing's cards are built as one string of HTML (lib/present/markup.ts), not through
// React: what React did for them (escaping, attributes) must still be true.

const base: HospitalCard = {
  slug: "st-marys",
  name: `St Mary's <script>alert("x")</script> & Co`,
  shortName: "St Mary's",
  kind: "Children's hospital",
  city: "London",
  citySlug: "london",
  country: "United Kingdom",
  countrySlug: "united-kingdom",
  summary: "A summary with <b>tags</b> & ampersands.",
  sarcomaTypes: [],
  sarcomaTypeSlugs: [],
  services: ["Family accommodation"],
  serviceSlugs: ["family-accommodation"],
  website: null,
  phone: null,
  reviewed: "2026-12-02",
  nextReview: "2027-06-02",
  latitude: 51.5,
  longitude: -0.17,
  distanceKm: 12.4,
  approximatePosition: true,
  tier: 2,
  tierNetworks: [{ slug: "ukccsg", name: "UK network", shortName: "UK network", scopeText: "Treats all sarcomas." }],
  networks: [{ slug: "ukccsg", shortName: "UK network" }],
};

const render = (items: HospitalCard[], backQuery = "?tumor=synovial-sarcoma&city=london") =>
  renderToStaticMarkup(createElement(HospitalCards, { items, backQuery }));

describe("the listing's cards", () => {
  it("escape every name and text, so no content reaches the page as markup", () => {
    const html = render([base]);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&#x3C;script>");
    expect(html).toContain("&#x26; Co");
  });

  it("link to the profile with the listing's filters, escaped in the attribute", () => {
    expect(render([base])).toContain('<a href="/hospitals/st-marys?tumor=synovial-sarcoma&#x26;city=london">');
  });

  it("say what is not listed, the distance, the network a hospital counts through, and carry a compare box named for it", () => {
    const html = render([base]);
    expect(html).toContain('Sarcoma types its pages name: </dt><dd class="inline">not listed in our sources</dd>');
    expect(html).toMatch(/away \(approximate: measured from the city centre/);
    expect(html).toContain('Counts through <a href="/networks/ukccsg">UK network</a>: treats all sarcomas.');
    expect(html).toContain('<input type="checkbox" name="h" value="st-marys" form="compare-form" class="size-4">Compare<span class="sr-only"> St Mary');
    expect(html).toContain('aria-labelledby="h-st-marys"');
  });

  it("leave out what a card without it does not have", () => {
    const html = render([{ ...base, distanceKm: null, tier: 1, tierNetworks: [], networks: [] }]);
    expect(html).not.toContain("away");
    expect(html).not.toContain("Counts through");
    expect(html).not.toContain("Networks:");
    expect(html.match(/<li>/g)).toHaveLength(1);
  });
});
