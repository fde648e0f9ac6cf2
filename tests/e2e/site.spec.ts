import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

test("home page offers the main ways in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Find the hospitals");
  await expect(page.getByRole("main").getByRole("search")).toBeVisible();
  await expect(page.getByRole("banner").getByRole("search")).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("not medical advice");
});

for (const [label, path, heading] of [
  ["Hospitals", "/hospitals", "Hospitals"],
  ["Sarcoma types", "/sarcomas", "Types of soft tissue sarcoma"],
  ["Treatments", "/treatments", "Treatment options"],
  ["Pathways", "/pathways", "Treatment pathways"],
] as const) {
  test(`main navigation reaches ${label}`, async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  });
}

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("an unknown URL gives the 404 page with ways back in", async ({ page }) => {
  for (const path of ["/no-such-page", "/hospitals/no-such-hospital", "/sarcomas/no-such-type"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't find that page");
    await expect(page.getByRole("link", { name: "All hospitals" })).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

// axe on /about, /glossary and every other sitemap page: every-page.spec.ts.
test("about and glossary pages say what they are for", async ({ page }) => {
  await page.goto("/about");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About this site");
  await page.goto("/glossary");
  await expect(page.locator("dt").filter({ hasText: /^Biopsy/ })).toBeVisible();
});
