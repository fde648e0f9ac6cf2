import fc from "fast-check";

// Hostile query values and slugs for every route: the browser tests send them to check
// the answers (tests/e2e/hostile-urls.spec.ts), the benchmark to time them (scripts/bench.ts).

export const MARKER = "<zq-injected>";
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "",
    "..",
    "../../etc/passwd",
    "%2F..%2F",
    "a/b",
    "\u0000",
    "%00",
    "%ZZ",
    "' OR 1=1 --",
    "'; DROP TABLE Hospital; --",
    `${MARKER}<script>alert(1)</script>`,
    `"><img src=x onerror=alert(1)>${MARKER}`,
    "javascript:alert(1)",
    "🇬🇧🧒🏽",
    "ｌｏｎｄｏｎ",
    "london",
    "rhabdomyosarcoma",
    "-3",
    "1e309",
    "NaN",
  ),
  // Long repeats, kept so a whole URL stays under 8,000 characters: past that, browsers
  // and proxies refuse it before it reaches the site (and Node answers 431 itself).
  fc.tuple(fc.constantFrom("x", "<b>", "é", "%"), fc.integer({ min: 100, max: 200 })).map(([s, n]) => s.repeat(n)),
);

export const ROUTES: { path: string; params: string[] }[] = [
  { path: "/hospitals", params: ["city", "country", "tumor", "service", "q", "near", "sort", "page", "view"] },
  { path: "/search", params: ["q"] },
  { path: "/compare", params: ["h", "near"] },
  { path: "/pack", params: ["h", "pathway"] },
  { path: "/api/hospitals", params: ["city", "country", "tumor", "service", "q", "near", "sort", "page"] },
  { path: "/hospitals.csv", params: ["city", "tumor", "q"] },
  { path: "/", params: ["q"] },
];
export const SLUG_ROUTES = ["/hospitals/", "/sarcomas/", "/treatments/", "/pathways/", "/api/hospitals/"];

// Sent as they are, not encoded: broken and tricky percent-encodings a hostile client sends.
const RAW = ["%ZZ", "%00", "%", "..%2F..%2F", "%2e%2e", "%E2%9C", "%C0%AE", "a%2Fb", "%252e"];
export const value = fc.oneof({ weight: 4, arbitrary: hostileString.map((v) => encodeURIComponent(v)) }, { weight: 1, arbitrary: fc.constantFrom(...RAW) });

/** A fixed sample of hostile URLs (the same for a seed), for the benchmark. */
export function sampleHostileUrls(count: number, seed = 16): string[] {
  const query = fc
    .tuple(fc.constantFrom(...ROUTES), fc.array(fc.tuple(fc.nat(), value), { minLength: 1, maxLength: 4 }))
    .map(([route, pairs]) => `${route.path}?${pairs.map(([i, v]) => `${route.params[i % route.params.length]}=${v}`).join("&")}`);
  const slug = fc.tuple(fc.constantFrom(...SLUG_ROUTES), value).map(([prefix, v]) => `${prefix}${v || "x"}`);
  return fc.sample(fc.oneof({ weight: 3, arbitrary: query }, { weight: 1, arbitrary: slug }), { numRuns: count, seed });
}
