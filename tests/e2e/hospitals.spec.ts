import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { queryStore } from "./store";

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("Manchester and rhabdomyosarcoma list Royal Manchester Children's Hospital, through its network", async ({ page }) => {
    await page.goto("/hospitals");
    const form = page.getByRole("form", { name: "Filter hospitals" });
    await form.locator("summary", { hasText: "City" }).click();
    await form.getByLabel("City", { exact: true }).selectOption("manchester");
    await form.locator("summary", { hasText: "Sarcoma type" }).click();
    await form.getByRole("checkbox", { name: /^Rhabdomyosarcoma \(\d+\)$/ }).check();
    await form.getByRole("button", { name: "Show hospitals" }).click();
    await expect(page).toHaveURL(/\/hospitals\?(?=.*city=manchester)(?=.*tumor=rhabdomyosarcoma)/);
    const tier2 = page.locator("section", { has: page.getByRole("heading", { name: "Through a network that covers this type" }) });
    const card = tier2.locator("article", { hasText: "Royal Manchester Children's Hospital" });
    await expect(card).toHaveCount(1);
    await expect(card.getByRole("link", { name: "UK and Ireland PTCs" })).toHaveAttribute("href", "/networks/uk-ptc");
    await card.getByRole("link", { name: "Royal Manchester Children's Hospital" }).click();
    await expect(page.getByRole("heading", { name: "Networks it belongs to" })).toBeVisible();
    await expect(page.locator("#networks-heading + ul")).toContainText("principal treatment centres");
  });

  test("filter by city and sarcoma type, open a hospital, remove a filter", async ({ page }) => {
    // Those whose own pages name the type first, then those that count through a network.
    const named = queryStore<{ name: string; slug: string }>(
      `SELECT DISTINCT h.name, h.slug FROM Hospital h JOIN HospitalSarcoma s ON s.hospitalSlug = h.slug
       WHERE h.citySlug = 'london' AND s.sarcomaSlug = 'rhabdomyosarcoma' ORDER BY h.name`,
    );
    const throughNetworks = queryStore<{ name: string; slug: string }>(
      `SELECT DISTINCT h.name, h.slug FROM Hospital h JOIN HospitalNetwork m ON m.hospitalSlug = h.slug
       JOIN NetworkSarcoma n ON n.networkSlug = m.networkSlug
       WHERE h.citySlug = 'london' AND n.sarcomaSlug = 'rhabdomyosarcoma'
       AND h.slug NOT IN (SELECT hospitalSlug FROM HospitalSarcoma WHERE sarcomaSlug = 'rhabdomyosarcoma') ORDER BY h.name`,
    );
    const expected = [...named, ...throughNetworks];
    expect(expected.length).toBeGreaterThan(0);

    await page.goto("/hospitals");
    const form = page.getByRole("form", { name: "Filter hospitals" });
    await form.locator("summary", { hasText: "City" }).click();
    await form.getByLabel("City", { exact: true }).selectOption("london");
    await form.locator("summary", { hasText: "Sarcoma type" }).click();
    await form.getByRole("checkbox", { name: /^Rhabdomyosarcoma \(\d+\)$/ }).check();
    await form.getByRole("button", { name: "Show hospitals" }).click();

    await expect(page).toHaveURL(/\/hospitals\?(?=.*city=london)(?=.*tumor=rhabdomyosarcoma)/);
    await expect(page.locator("#result-heading")).toHaveText(
      `${expected.length} ${expected.length === 1 ? "hospital" : "hospitals"} in London that ${expected.length === 1 ? "treats" : "treat"} rhabdomyosarcoma`,
    );
    const names = await page.locator("article h3").allTextContents();
    expect(names).toEqual(expected.map((h) => h.name));

    await page.getByRole("link", { name: expected[0].name }).click();
    await expect(page).toHaveURL(new RegExp(`/hospitals/${expected[0].slug}\\?`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(expected[0].name);
    await expect(page.getByRole("complementary", { name: "Review status" })).toContainText(/Last reviewed: \d{1,2} \w+ 20\d\d/);
    const sources = page.locator("#sources-heading + p + ol > li");
    expect(await sources.count()).toBeGreaterThan(0);
    await expect(sources.first().getByRole("link")).toHaveAttribute("href", /^https?:\/\//);

    // Without JavaScript the browser's Back button returns to the filtered list.
    await page.goBack();
    await expect(page).toHaveURL(/city=london/);
    await page.getByRole("link", { name: "Remove filter: London" }).click();
    await expect(page).toHaveURL(/\/hospitals\?tumor=rhabdomyosarcoma$/);
    await expect(page.locator("#result-heading")).toContainText("that treat rhabdomyosarcoma");
    await expect(page.locator("#result-heading")).not.toContainText("London");
  });

  test("an old link sorts by distance from one of our cities", async ({ page }) => {
    await page.goto("/hospitals?near=leeds");
    await expect(page).toHaveURL(/near=leeds$/);
    await expect(page.locator("#result-heading")).toContainText("nearest to Leeds, England, United Kingdom first");
    const first = page.locator("article").first();
    await expect(first).toContainText("Leeds");
    await expect(first).toContainText(/\d+(\.\d)? km \(\d+(\.\d)? miles\) away/);
  });
});

// axe needs JavaScript in the page, so the same pages are checked here with it on.
for (const path of [
  "/hospitals?city=london&tumor=rhabdomyosarcoma",
  "/hospitals?city=manchester&tumor=rhabdomyosarcoma",
  "/hospitals?near=leeds",
  "/hospitals?view=map",
]) {
  test(`${path} passes axe`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}

test("with JavaScript on, the profile's back link keeps the filters", async ({ page }) => {
  await page.goto("/hospitals?city=london");
  await page.locator("article h3 a").first().click();
  const back = page.getByRole("link", { name: "← Back to the list of hospitals" });
  await expect(back).toHaveAttribute("href", "/hospitals?city=london");
  await back.click();
  await expect(page).toHaveURL("/hospitals?city=london");
});

test("bad query values get a page that explains, not an error", async ({ page }) => {
  const response = await page.goto("/hospitals?city=atlantis&page=-3&sort=%3Cb%3E&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  expect(response?.status()).toBe(200);
  const status = page.getByRole("status");
  await expect(status).toContainText('We don\'t have a city called "atlantis"');
  await expect(status).toContainText("is not a page number");
  expect(await page.content()).not.toContain("<script>alert(1)</script>");
  await expectNoAxeViolations(page);
});

test("an empty result suggests which filter to relax", async ({ page }) => {
  await page.goto("/hospitals?city=utrecht&tumor=synovial-sarcoma");
  await expect(page.locator("#result-heading")).toHaveText("0 hospitals in Utrecht that treat synovial sarcoma");
  await expect(page.getByText("No hospital in our directory matches")).toBeVisible();
  await expect(page.getByRole("link", { name: /without “Synovial sarcoma”/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("unconfirmed values are shown as unconfirmed", async ({ page }) => {
  const [row] = queryStore<{ hospitalSlug: string }>(`SELECT hospitalSlug FROM HospitalField WHERE key = 'phone' AND unverified = 1 LIMIT 1`);
  await page.goto(`/hospitals/${row.hospitalSlug}`);
  await expect(page.getByText("Not confirmed: this comes from a third-party directory").first()).toBeVisible();
});

test("with JavaScript on, a ticked filter shows its results at once, with the city chosen in the list", async ({ page }) => {
  await page.goto("/hospitals");
  const form = page.getByRole("form", { name: "Filter hospitals" });
  await form.locator("summary", { hasText: "City" }).click();
  // Choosing in the list does not leave the page (a keyboard moves through it)...
  await form.getByLabel("City", { exact: true }).selectOption("leeds");
  await form.locator("summary", { hasText: "Sarcoma type" }).click();
  // ...ticking a box sends the form, the list's city with it. (click(), not check(): the
  // page check() would look at again is gone by then.)
  await form.getByRole("checkbox", { name: /^Rhabdomyosarcoma \(\d+\)$/ }).click();
  await expect(page).toHaveURL("/hospitals?city=leeds&tumor=rhabdomyosarcoma");
  // The chosen city is now a ticked box; unticking it sends the form again.
  await page
    .getByRole("form", { name: "Filter hospitals" })
    .getByRole("checkbox", { name: /^Leeds \(\d+\)$/ })
    .click();
  await expect(page).toHaveURL("/hospitals?tumor=rhabdomyosarcoma");
  await page.getByRole("form", { name: "Filter hospitals" }).locator("summary", { hasText: "City" }).click();
  await page.getByRole("form", { name: "Filter hospitals" }).getByLabel("City", { exact: true }).selectOption("leeds");
  await page.getByRole("button", { name: "Show hospitals" }).click();
  await expect(page).toHaveURL("/hospitals?city=leeds&tumor=rhabdomyosarcoma");
  await page.getByLabel("Your town, city or ZIP code").fill("Stockport");
  await page.getByLabel("Your town, city or ZIP code").press("Enter");
  await expect(page).toHaveURL(/\/hospitals\?(?=.*city=leeds)(?=.*near=stockport-gb)/);
  await expect(page.locator("#result-heading")).toContainText("nearest to Stockport, England, United Kingdom first");
});
