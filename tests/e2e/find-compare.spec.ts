import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("search from the header finds other names, prefixes and slips", async ({ page }) => {
    await page.goto("/about");
    await page.getByRole("banner").getByRole("searchbox", { name: "Search the site" }).fill("RMS");
    await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL("/search?q=RMS");
    const sarcomas = page.locator("section[aria-labelledby='group-sarcoma']");
    await expect(sarcomas.getByRole("link").first()).toHaveText("Rhabdomyosarcoma");
    await expect(sarcomas.locator("mark").first()).toBeVisible();

    for (const [q, expected] of [
      ["GOSH", "Great Ormond Street Hospital for Children"],
      ["rhabdo", "Rhabdomyosarcoma"],
      ["DSRCT", "Desmoplastic small round cell tumour"],
    ]) {
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      await expect(page.locator("main li a").first(), q).toHaveText(expected);
    }

    await page.goto("/search?q=rhabdomyosarcome");
    await expect(page.getByRole("status")).toContainText("so we searched for “rhabdomyosarcoma” instead");
    await page.goto("/search?q=Manchestr");
    await expect(page.locator("section[aria-labelledby='group-hospital'] a").first()).toContainText("Manchester");
  });

  test("a search with many results shows the best of each kind and links to the rest", async ({ page }) => {
    await page.goto("/search?q=hospital");
    const group = page.locator("section[aria-labelledby='group-hospital']");
    const heading = await group.getByRole("heading").textContent();
    const [, shown, total] = heading!.match(/\((\d+) of (\d+)\)/)!.map(Number);
    expect(shown).toBe(8);
    expect(total).toBeGreaterThan(shown);
    await expect(group.locator("ol > li")).toHaveCount(shown);
    await group.getByRole("link", { name: `See all ${total} hospitals for “hospital”` }).click();
    await expect(page).toHaveURL("/search?q=hospital&kind=hospital");
    await expect(page.locator("#results-heading")).toHaveText(`Hospitals: ${total} results for “hospital”`);
    // One page lists the best 200 of a kind, and says so when there are more.
    await expect(page.locator("main section ol > li")).toHaveCount(Math.min(total, 200));
    if (total > 200) await expect(page.getByText("These are the best 200 matches.")).toBeVisible();
    await expect(page.locator("section[aria-labelledby='group-sarcoma']")).toHaveCount(0);
  });

  test("an empty or punctuation-only search gets a helpful page", async ({ page }) => {
    for (const q of ["", "%21%21%21"]) {
      const response = await page.goto(`/search?q=${q}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("#help-heading")).toBeVisible();
      await expect(page.getByRole("link", { name: "rhabdomyosarcoma" })).toBeVisible();
    }
  });

  test("tick hospitals on the list and compare them; remove a column", async ({ page }) => {
    await page.goto("/hospitals?city=london");
    const cards = page.locator("article");
    const names = [await cards.nth(0).locator("h3").textContent(), await cards.nth(1).locator("h3").textContent()];
    await cards
      .nth(0)
      .getByRole("checkbox", { name: /Compare/ })
      .check();
    await cards
      .nth(1)
      .getByRole("checkbox", { name: /Compare/ })
      .check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await expect(page).toHaveURL(/\/compare\?h=[a-z-]+&h=[a-z-]+/);
    const headers = page.locator("thead th");
    await expect(headers).toHaveCount(2);
    await expect(headers.nth(0)).toContainText(names[0]!);
    await expect(headers.nth(1)).toContainText(names[1]!);
    await expect(page.locator("tbody th", { hasText: "Proton beam therapy" })).toBeVisible();
    await expect(page.locator("tbody tr.bg-amber-50").first()).toContainText("Differs");

    await page.getByLabel("Your town, city or ZIP code").fill("leeds");
    await page.getByRole("button", { name: "Update comparison" }).click();
    await expect(page.locator("tbody th", { hasText: "Distance from Leeds, England, United Kingdom" })).toBeVisible();

    await headers
      .nth(1)
      .getByRole("link", { name: /Remove/ })
      .click();
    await expect(page.locator("thead th")).toHaveCount(1);
    await expect(page.getByText("Choose at least two hospitals")).toBeVisible();
  });

  test("compare says what it could not use", async ({ page }) => {
    await page.goto("/compare?h=uclh&h=uclh&h=nope&h=great-ormond-street");
    await expect(page.getByRole("status")).toContainText("was chosen twice");
    await expect(page.getByRole("status")).toContainText('We don\'t have a hospital called "nope"');
    await expect(page.locator("thead th")).toHaveCount(2);
  });

  test("the map view keeps the filters, zooms to the results and links every marker", async ({ page }) => {
    await page.goto("/hospitals?country=united-kingdom");
    await page.getByRole("link", { name: "Show these hospitals on a map" }).click();
    await expect(page).toHaveURL("/hospitals?country=united-kingdom&view=map");
    const markers = page.locator("svg a.map-marker");
    const total = Number((await page.locator("#result-heading").textContent())!.match(/^\d+/)![0]);
    // Every hospital is a marker of its own or counted in a group of markers that would overlap.
    const grouped = await page.locator("svg a.map-group").evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute("data-count")), 0));
    expect((await markers.count()) + grouped).toBe(total);
    await expect(markers.first()).toHaveAttribute("aria-label", /.+, .+/);
    // Zoomed to the UK: every marker falls inside the drawing.
    const boxes = await markers.evaluateAll((els) =>
      els.map((e) => {
        const b = (e as SVGGraphicsElement).getBBox();
        return { x: b.x, y: b.y };
      }),
    );
    for (const box of boxes) {
      expect(box.x).toBeGreaterThan(0);
      expect(box.x).toBeLessThan(800);
      expect(box.y).toBeGreaterThan(0);
      expect(box.y).toBeLessThan(500);
    }
    await expect(page.locator("article")).not.toHaveCount(0);
    await markers.first().click();
    await expect(page).toHaveURL(/\/hospitals\/[a-z-]+$/);
  });

  test("at world scale, overlapping markers are one counted marker that opens their place's list", async ({ page }) => {
    await page.goto("/hospitals?view=map");
    const group = page.locator("svg a.map-group").first();
    await expect(group).toHaveAttribute("aria-label", /^\d+ hospitals in .+: show them$/);
    const count = Number(await group.getAttribute("data-count"));
    await group.click();
    await expect(page).toHaveURL(/view=map/);
    const total = Number((await page.locator("#result-heading").textContent())!.match(/^\d+/)![0]);
    expect(total).toBeGreaterThanOrEqual(count);
  });
});

for (const path of [
  "/search?q=rhabdomyosarcoma",
  "/search?q=hospital&kind=hospital",
  "/search",
  "/compare?h=great-ormond-street&h=uclh&near=leeds",
  "/compare",
  "/hospitals?view=map&city=london",
]) {
  test(`${path} passes axe`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}

test("compare turns rows into cards on a small phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/compare?h=great-ormond-street&h=uclh");
  await expect(page.locator("table")).toBeHidden();
  await expect(page.locator("main li h2")).toHaveCount(2);
  await expectNoAxeViolations(page);
});
