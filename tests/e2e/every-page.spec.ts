import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, preloadAxe } from "./axe";
import { sitemapPaths } from "./sitemap";

const SHARDS = 4;
/** The parts of every page that the layout draws. */
const CHROME = ["body > .skip-link", "body > header", "body > footer"];

/** What sticks out past the viewport, if anything, while the root's font size is fontSize: the widest few, named. */
async function overflow(page: Page, fontSize = ""): Promise<string[]> {
  return page.evaluate((fontSize) => {
    const root = document.documentElement;
    root.style.fontSize = fontSize;
    try {
      const width = root.clientWidth;
      if (root.scrollWidth <= width) return [];
      return [...document.querySelectorAll("body *")]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && r.right > width + 1 && getComputedStyle(e).position !== "fixed";
        })
        .slice(-3)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""} "${(e.textContent ?? "").trim().slice(0, 40)}" to ${Math.round(e.getBoundingClientRect().right)}px`,
        )
        .concat(`page ${root.scrollWidth}px wide`);
    } finally {
      root.style.fontSize = "";
    }
  }, fontSize);
}

// Every page in the sitemap, loaded once for all of these:
// - WCAG 2.2, 1.4.10 Reflow: it fits 320 CSS pixels without sideways scrolling;
// - axe with the WCAG 2.2 AA rules finds nothing (at desktop width);
// - WCAG 1.4.4 Resize text: at 200% text size a desktop-width page still fits;
// - the browser asks no other origin for anything (fonts, analytics, images, maps), and
//   the console stays free of errors, Content-Security-Policy violations included.
for (let shard = 0; shard < SHARDS; shard++) {
  test(`every sitemap page, part ${shard + 1} of ${SHARDS}`, async ({ page, request, baseURL }) => {
    test.setTimeout(600_000);
    const paths = (await sitemapPaths(request)).filter((_, i) => i % SHARDS === shard);
    expect(paths.length).toBeGreaterThan(10);
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    const errors: string[] = [];
    const reflow: string[] = [];
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !url.startsWith("data:")) foreign.push(`${page.url()} -> ${url}`);
    });
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
    await preloadAxe(page);
    // The header, skip link and footer come from the one layout. axe checks them in full the
    // first time their markup appears, and leaves them out on a page whose markup is the same
    // (byte for byte) as one already checked.
    const checkedChrome = new Set<string>();
    for (const path of paths) {
      await page.setViewportSize({ width: 1280, height: 720 });
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const chrome = await page.evaluate((parts) => parts.map((s) => document.querySelector(s)?.outerHTML ?? "").join("\n"), CHROME);
      await expectNoAxeViolations(page, { exclude: checkedChrome.has(chrome) ? CHROME : [] });
      checkedChrome.add(chrome);
      // Text zoom: the page's rem-based sizes double, as with a browser's text-only zoom.
      const zoomed = await overflow(page, "200%");
      if (zoomed.length) reflow.push(`${path} at 200% text: ${zoomed.join("; ")}`);
      // A 320 px phone at normal text size (the page lays itself out again; nothing reloads).
      await page.setViewportSize({ width: 320, height: 640 });
      const narrow = await overflow(page);
      if (narrow.length) reflow.push(`${path} at 320 px: ${narrow.join("; ")}`);
    }
    expect(reflow).toEqual([]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test("every response carries the security headers and sets no cookie", async ({ request }) => {
  const paths = [
    "/",
    "/hospitals",
    "/hospitals?city=london",
    "/hospitals/great-ormond-street",
    "/sarcomas/rhabdomyosarcoma",
    "/search?q=rms",
    "/compare?h=uclh",
    "/api/hospitals",
    "/api/hospitals/nope",
    "/hospitals.csv",
    "/sitemap.xml",
    "/no-such-page",
    "/hospitals/%ZZ",
  ];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    const h = response.headers();
    expect(response.status(), path).toBeLessThan(500);
    const csp = h["content-security-policy"] ?? "";
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp, path).toContain(d);
    expect(csp, path).toMatch(/script-src ('nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'|'self'( 'sha256-[A-Za-z0-9+/=]+')*)/);
    expect(csp, path).not.toContain("unsafe-inline");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    expect(Number(h["strict-transport-security"]?.match(/max-age=(\d+)/)?.[1]), path).toBeGreaterThanOrEqual(31_536_000);
    expect(h["set-cookie"], path).toBeUndefined();
  }
});

test("compare gets a fresh nonce per request", async ({ request }) => {
  const nonceOf = async () => {
    const r = await request.get("/compare?h=uclh&h=great-ormond-street");
    return r.headers()["content-security-policy"].match(/'nonce-([^']+)'/)![1];
  };
  expect(await nonceOf()).not.toBe(await nonceOf());
});

// lib/server/framework-scripts.ts: pages are whole HTML, and their few interactions are inline
// scripts of their own, so none of React's browser code or payload is sent.
test("pages leave the server without the framework's JavaScript", async ({ request }) => {
  const paths = [
    "/",
    "/about",
    "/hospitals",
    "/hospitals?city=london",
    "/hospitals/great-ormond-street",
    "/pathways/newly-diagnosed-rhabdomyosarcoma",
    "/search?q=rms",
    "/compare?h=uclh",
    "/no-such-page",
  ];
  for (const path of paths) {
    for (const encoding of ["gzip", "identity"]) {
      const response = await request.get(path, { headers: { "accept-encoding": encoding } });
      const html = await response.text();
      expect(html, path).toContain("</html>");
      expect(html, path).not.toMatch(/<script[^>]*src="\/_next\//);
      expect(html, path).not.toMatch(/<link[^>]*as="script"/);
      expect(html, path).not.toContain("self.__next_f");
      expect(html, path).not.toContain("TURBOPACK");
    }
  }
});

test("a page in the browser fetches no script at all", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  for (const path of ["/", "/hospitals", "/hospitals/great-ormond-street", "/pathways/newly-diagnosed-rhabdomyosarcoma"]) await page.goto(path);
  expect(scripts).toEqual([]);
});

test("the listing and search are rendered once per URL, with their own scripts' hashes as the CSP", async ({ request }) => {
  const sha256 = async (text: string) => Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))).toString("base64");
  const url = "/hospitals?country=united-kingdom&service=fertility-preservation";
  const first = await request.get(url, { maxRedirects: 0 });
  expect(first.headers()["x-render-cache"]).toBe("miss");
  // The worker that rendered it sends it to the others, so soon any of them has it.
  let second = await request.get(url, { maxRedirects: 0 });
  await expect.poll(async () => (second = await request.get(url, { maxRedirects: 0 })).headers()["x-render-cache"]).toBe("hit");
  expect(await second.text()).toBe(await first.text());
  const html = await second.text();
  expect(html).not.toContain("nonce=");
  const csp = second.headers()["content-security-policy"];
  expect(csp).not.toContain("nonce-");
  const inline = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=|application\/ld\+json/.test(m[1] ?? "") && m[2] !== "");
  expect(inline.length).toBeGreaterThan(0);
  for (const m of inline) expect(csp).toContain(`'sha256-${await sha256(m[2])}'`);
  // A page rendered per request has a nonce instead, and no shared cache may store it.
  const compare = await request.get("/compare?h=uclh", { headers: { "x-nonce": "chosen" } });
  expect(compare.headers()["content-security-policy"]).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
  expect(compare.headers()["content-security-policy"]).not.toContain("nonce-chosen");
  expect(compare.headers()["cache-control"]).toBe("private, no-store");
});

// A prerendered page (hashes from the build) and a listing page as the page cache keeps it
// (hashes from its HTML, on its second request).
for (const path of ["/sarcomas/rhabdomyosarcoma", "/hospitals?city=london"]) {
  test(`an injected inline script is blocked on ${path}`, async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (m.text().includes("Content Security Policy")) violations.push(m.text());
    });
    await page.goto(path);
    await page.goto(path);
    const ran = await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__injected = true";
      document.body.appendChild(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(violations.length).toBeGreaterThan(0);
  });
}

test("the files browsers ask for by name are there: favicon, apple touch icon and web app manifest", async ({ request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  const bytes = await ico.body();
  // An ICO file: reserved 0, type 1, then its image count.
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
  expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
  const apple = await request.get("/apple-touch-icon.png");
  expect(apple.status()).toBe(200);
  expect((await apple.body()).subarray(1, 4).toString()).toBe("PNG");
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const json = (await manifest.json()) as { name: string; icons: { src: string }[] };
  expect(json.name).toBe("Childhood Sarcoma Directory");
  for (const icon of json.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  const html = await (await request.get("/about")).text();
  expect(html).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/);
  expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon.png"/);
});

test("a profile reached from a filtered listing declares the profile's own URL as canonical", async ({ request }) => {
  for (const path of ["/hospitals/great-ormond-street", "/hospitals/great-ormond-street?city=london&tumor=rhabdomyosarcoma"]) {
    const html = await (await request.get(path)).text();
    const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
    expect(canonical, path).toBeDefined();
    expect(new URL(canonical!).pathname, path).toBe("/hospitals/great-ormond-street");
    expect(new URL(canonical!).search, path).toBe("");
  }
});
