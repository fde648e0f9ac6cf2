import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { MARKER, ROUTES, SLUG_ROUTES, value } from "../support/hostile-urls";

// Random and hostile values for every query parameter of every route, and random slugs,
// against the production server on loopback. Bounded in count. How fast they are answered
// is the benchmark's to measure (scripts/bench.ts, "hostile URLs"), not a test's.

let requests = 0;

async function check(request: import("@playwright/test").APIRequestContext, url: string) {
  requests++;
  // Redirects (to the canonical URL, or Next's own path normalisation) are followed; the
  // answer the visitor ends on is checked.
  const response = await request.get(url, { timeout: 10_000 });
  const status = response.status();
  expect([200, 400, 404], `${status} for ${url.slice(0, 200)}`).toContain(status);
  // HTML must never carry the input raw; JSON and CSV carry it as data, under nosniff.
  if ((response.headers()["content-type"] ?? "").includes("text/html")) {
    const body = await response.text();
    expect(body.includes(MARKER), `unescaped input in ${url.slice(0, 200)}`).toBe(false);
  }
}

test("hostile query strings never give a 5xx or echo input unescaped", async ({ request }) => {
  test.setTimeout(240_000);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...ROUTES), fc.array(fc.tuple(fc.nat(), value), { minLength: 1, maxLength: 4 }), async (route, pairs) => {
      const query = pairs.map(([i, v]) => `${route.params[i % route.params.length]}=${v}`).join("&");
      await check(request, `${route.path}?${query}`);
    }),
    { numRuns: 300, interruptAfterTimeLimit: 180_000 },
  );
});

test("hostile slugs never give a 5xx", async ({ request }) => {
  test.setTimeout(180_000);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...SLUG_ROUTES), value, async (prefix, slug) => {
      await check(request, `${prefix}${slug || "x"}`);
    }),
    { numRuns: 200, interruptAfterTimeLimit: 120_000 },
  );
});

test.afterAll(() => {
  console.log(`hostile-urls: ${requests} requests checked`);
});
