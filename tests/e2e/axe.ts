import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";
import type { AxeResults } from "axe-core";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// axe-core's own script, run in the page with axe.run. (@axe-core/playwright's analyze()
// opens a second page for every check to merge frame results; these pages have no
// frames, and that second page tripled the time of the every-page check.) Playwright's
// evaluate runs outside the page's Content-Security-Policy, so the pages' CSP is unchanged.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type AxeWindow = { axe?: { run: (c: Document, o: object) => Promise<AxeResults> } };

/** Puts axe in every document the page loads from now on, so a loop over many pages does not send it again each time. */
export async function preloadAxe(page: Page) {
  await page.addInitScript({ content: AXE_SOURCE });
}

/**
 * Runs axe with the WCAG 2.2 AA tags on the page as it is now and fails with a readable list of violations.
 * `exclude` lists CSS selectors of parts already checked elsewhere, which axe then leaves out.
 */
export async function expectNoAxeViolations(page: Page, { exclude = [] as string[] } = {}) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const { frames, results } = await page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (window as unknown as AxeWindow).axe!;
      const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
      return {
        frames: document.querySelectorAll("iframe, frame").length,
        results: await axe.run(context as Document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
      };
    },
    { tags: WCAG_TAGS, exclude },
  );
  expect(frames, `${page.url()} has a frame, which this check does not follow`).toBe(0);
  // A check that ran no rules, or found nothing to apply them to, would pass anything.
  const applied = results.passes.length + results.violations.length + results.incomplete.length;
  expect(applied + results.inapplicable.length, "axe ran no rules").toBeGreaterThan(50);
  expect(applied, "axe found nothing to check").toBeGreaterThan(5);
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
