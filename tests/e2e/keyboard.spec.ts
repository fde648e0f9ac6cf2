import { expect, test, type Locator, type Page } from "@playwright/test";

test.use({ javaScriptEnabled: false });

/** Presses Tab until the locator has focus: proves it is reachable by keyboard, in order. */
async function tabTo(page: Page, target: Locator, max = 200) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

test("keyboard only, no JavaScript: search, filter the listing, open a profile, read a pathway", async ({ page }) => {
  // A hundred or so key presses, each followed by a look at the focus: slow, not stuck.
  test.setTimeout(120_000);
  await page.goto("/");
  const header = page.getByRole("banner");
  await tabTo(page, header.getByRole("searchbox", { name: "Search the site" }));
  await page.keyboard.type("rhabdo");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/search?q=rhabdo");
  await expect(page.locator("#results-heading")).toContainText("results for");

  await page.goto("/hospitals");
  const form = page.getByRole("form", { name: "Filter hospitals" });
  await tabTo(page, form.locator("summary", { hasText: "Country" }));
  await page.keyboard.press("Enter");
  await tabTo(page, form.getByRole("checkbox", { name: /^Ireland/ }));
  await page.keyboard.press("Space");
  await tabTo(page, form.getByRole("button", { name: "Show hospitals" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/hospitals?country=ireland");

  const first = page.locator("article h3 a").first();
  const name = await first.textContent();
  await tabTo(page, first);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name!);

  await page.goto("/pathways");
  await tabTo(page, page.getByRole("link", { name: "Recurrent or progressive soft tissue sarcoma" }).or(page.locator("main h2 a").last()));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/pathways\/[a-z-]+$/);
  const stepLink = page.getByRole("navigation", { name: "Steps" }).getByRole("link").nth(1);
  await tabTo(page, stepLink);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#step-/);
});
