import { expect, test, type Page } from "@playwright/test";
import { sitemapPaths } from "./sitemap";

// WCAG 2.2, 1.4.10 Reflow: every sitemap page fits 320 CSS pixels without sideways
// scrolling; 1.4.4 Resize text: at 200% text size a desktop-width page still fits.
const SHARDS = 2;

/** What sticks out past the viewport, if anything: the widest few, named. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1 && getComputedStyle(e).position !== "fixed";
      })
      .slice(-3)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""} "${(e.textContent ?? "").trim().slice(0, 40)}" to ${Math.round(e.getBoundingClientRect().right)}px`)
      .concat(`page ${document.documentElement.scrollWidth}px wide`);
  });
}

for (let shard = 0; shard < SHARDS; shard++) {
  test(`every sitemap page reflows at 320 px and at 200% text, part ${shard + 1} of ${SHARDS}`, async ({ page, request }) => {
    test.setTimeout(600_000);
    const paths = (await sitemapPaths(request)).filter((_, i) => i % SHARDS === shard);
    expect(paths.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const path of paths) {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(path);
      const narrow = await overflow(page);
      if (narrow.length) failures.push(`${path} at 320 px: ${narrow.join("; ")}`);
      await page.setViewportSize({ width: 1280, height: 800 });
      // Text zoom: the page's rem-based sizes double, as with a browser's text-only zoom.
      await page.evaluate(() => {
        document.documentElement.style.fontSize = "200%";
      });
      const zoomed = await overflow(page);
      if (zoomed.length) failures.push(`${path} at 200% text: ${zoomed.join("; ")}`);
    }
    expect(failures).toEqual([]);
  });
}
