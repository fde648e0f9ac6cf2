import { expect, test } from "@playwright/test";
import { queryStore } from "./store";

test("GET /api/hospitals lists hospitals with the listing's filters", async ({ request }) => {
  const response = await request.get("/api/hospitals?city=london&tumor=rhabdomyosarcoma");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = await response.json();
  // Named on their own pages first, then those that count through a network.
  const expected = [
    ...queryStore<{ slug: string }>(
      `SELECT DISTINCT h.slug FROM Hospital h JOIN HospitalSarcoma s ON s.hospitalSlug = h.slug
       WHERE h.citySlug = 'london' AND s.sarcomaSlug = 'rhabdomyosarcoma' ORDER BY h.name`,
    ),
    ...queryStore<{ slug: string }>(
      `SELECT DISTINCT h.slug FROM Hospital h JOIN HospitalNetwork m ON m.hospitalSlug = h.slug
       JOIN NetworkSarcoma n ON n.networkSlug = m.networkSlug
       WHERE h.citySlug = 'london' AND n.sarcomaSlug = 'rhabdomyosarcoma'
       AND h.slug NOT IN (SELECT hospitalSlug FROM HospitalSarcoma WHERE sarcomaSlug = 'rhabdomyosarcoma') ORDER BY h.name`,
    ),
  ];
  expect(body.data.map((h: { slug: string }) => h.slug)).toEqual(expected.map((h) => h.slug));
  expect(body.meta).toMatchObject({ total: expected.length, page: 1, pageSize: 20 });
  expect(body.meta.licence).toContain("CC BY 4.0");
  expect(Object.keys(body.data[0]).sort()).toEqual(
    [
      "city",
      "country",
      "distanceKm",
      "kind",
      "name",
      "networks",
      "nextReview",
      "phone",
      "position",
      "reviewed",
      "sarcomaTypes",
      "services",
      "shortName",
      "slug",
      "summary",
      "tier",
      "tierNetworks",
      "url",
      "website",
    ].sort(),
  );
});

test("GET /api/hospitals pages with links", async ({ request }) => {
  const first = await (await request.get("/api/hospitals")).json();
  expect(first.meta.total).toBeGreaterThan(20);
  expect(first.data).toHaveLength(20);
  expect(first.links.next).toBe("/api/hospitals?page=2");
  const second = await (await request.get(first.links.next)).json();
  expect(second.data[0].slug).not.toBe(first.data[0].slug);
  expect(second.links.prev).toBe("/api/hospitals");
});

for (const query of ["city=atlantis", "page=-3", "page=999", "sort=random", "near=%3Cscript%3E", "tumor=x&tumor=y", "view=globe"]) {
  test(`GET /api/hospitals?${query} is a 400 with a JSON error`, async ({ request }) => {
    const response = await request.get(`/api/hospitals?${query}`);
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.status).toBe(400);
    expect(body.error.problems.length).toBeGreaterThan(0);
  });
}

test("GET /api/hospitals/<slug> gives the profile with sources, or a JSON 404", async ({ request }) => {
  const ok = await request.get("/api/hospitals/great-ormond-street");
  expect(ok.status()).toBe(200);
  const h = await ok.json();
  expect(h).toMatchObject({ slug: "great-ormond-street", city: { slug: "london" } });
  // GOSH's own page now confirms its switchboard, so the flag is gone.
  expect(h.fields.phone).toMatchObject({ unverified: false, source: expect.stringMatching(/^https?:\/\//) });
  expect(h.sources.length).toBeGreaterThan(0);
  const missing = await request.get("/api/hospitals/no-such-hospital");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.status).toBe(404);
});

test("/hospitals.csv gives the current filters as a spreadsheet", async ({ request }) => {
  const response = await request.get("/hospitals.csv?country=ireland");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const lines = (await response.text()).trim().split("\n");
  const expected = queryStore<{ n: number }>(`SELECT count(*) AS n FROM Hospital h JOIN City c ON c.slug = h.citySlug WHERE c.countrySlug = 'ireland'`)[0].n;
  expect(lines[0]).toMatch(/^slug,name,short_name,/);
  expect(lines).toHaveLength(expected + 1);
  expect((await request.get("/hospitals.csv?city=atlantis")).status()).toBe(400);
});

test("the listing's JSON is answered from the page cache after its first request", async ({ request }) => {
  const url = "/api/hospitals?country=united-kingdom&tumor=rhabdomyosarcoma";
  const first = await request.get(url);
  // The worker that rendered it sends it to the others, so soon any of them has it.
  let second = await request.get(url);
  await expect.poll(async () => (second = await request.get(url)).headers()["x-render-cache"]).toBe("hit");
  expect(second.headers()["content-type"]).toContain("application/json");
  expect(second.headers()["cache-control"]).toBe("public, max-age=300, stale-while-revalidate=3600");
  expect(second.headers()["etag"]).toBe(first.headers()["etag"]);
  expect(await second.json()).toEqual(await first.json());
});
