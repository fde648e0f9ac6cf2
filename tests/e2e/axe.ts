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

/** Runs axe with the WCAG 2.2 AA tags on the page as it is now and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page) {
  expect(await page.locator("iframe").count(), `${page.url()} has a frame, which this check does not follow`).toBe(0);
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    WCAG_TAGS,
  );
  // A check that ran no rules would pass anything.
  expect(results.passes.length + results.violations.length + results.incomplete.length, "axe ran no rules").toBeGreaterThan(20);
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
