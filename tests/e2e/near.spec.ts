import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { queryStore } from "./store";

// "Near" for any town, ZIP code or old city link: the journeys, JavaScript off.

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  const firstCard = (page: import("@playwright/test").Page) => page.locator("article").first();

  test("Stockport, typed on the listing, lists Royal Manchester Children's Hospital first", async ({ page }) => {
    await page.goto("/hospitals");
    await page.getByLabel("Your town, city or ZIP code").fill("Stockport");
    await page.getByRole("button", { name: "Show hospitals" }).click();
    await expect(page).toHaveURL(/\/hospitals\?near=stockport-gb$/);
    await expect(page.getByRole("status").first()).toContainText("Showing distances from Stockport, England, United Kingdom, as the crow flies");
    await expect(page.locator("#result-heading")).toContainText("nearest to Stockport, England, United Kingdom first");
    await expect(firstCard(page).locator("h3")).toContainText("Royal Manchester Children's Hospital");
    await expect(firstCard(page)).toContainText(/\d+(\.\d)? km \(\d+(\.\d)? miles\) away/);
    // The box shows where distances are measured from, so the next search starts there.
    await expect(page.getByLabel("Your town, city or ZIP code")).toHaveValue("Stockport, England, United Kingdom");
  });

  test("90027 lists Children's Hospital Los Angeles first", async ({ page }) => {
    await page.goto("/hospitals");
    await page.getByLabel("Your town, city or ZIP code").fill("90027");
    await page.getByRole("button", { name: "Show hospitals" }).click();
    await expect(page).toHaveURL(/\/hospitals\?near=90027$/);
    await expect(page.getByRole("status").first()).toContainText("ZIP code 90027, California, United States");
    await expect(firstCard(page).locator("h3")).toContainText("Children's Hospital Los Angeles");
  });

  test("Richmond asks which one, and each choice is a link", async ({ page }) => {
    await page.goto("/hospitals?near=Richmond");
    const choice = page.getByRole("status").filter({ hasText: "Which “Richmond” do you mean?" });
    await expect(choice).toBeVisible();
    await expect(page.locator("#result-heading")).not.toContainText("nearest");
    await choice.getByRole("link", { name: "Richmond, Virginia, United States" }).click();
    await expect(page).toHaveURL(/near=richmond-va-us/);
    await expect(page.locator("#result-heading")).toContainText("nearest to Richmond, Virginia, United States first");
  });

  test("a place we cannot find is explained, with the listing in name order", async ({ page }) => {
    await page.goto("/hospitals?near=Qzxwvutopia");
    await expect(page.getByRole("status").first()).toContainText('We could not find a place called "Qzxwvutopia"');
    await expect(page.locator("#result-heading")).not.toContainText("nearest");
    await expect(page.locator("article").first()).not.toContainText("km");
  });

  test("Atlantis: GeoNames has two real towns of the name, so the page says which it used and offers the other", async ({ page }) => {
    await page.goto("/hospitals?near=Atlantis");
    const note = page.getByRole("status").first();
    await expect(note).toContainText("Showing distances from Atlantis, Western Cape, South Africa");
    await expect(note).toContainText("Other places share the name");
    await expect(note.getByRole("link", { name: "Atlantis, Florida, United States" })).toBeVisible();
  });

  test("a small typo still finds the place, and the page says so", async ({ page }) => {
    await page.goto("/hospitals?near=Stokport");
    await expect(page.getByRole("status").first()).toContainText("We found no place spelled “Stokport”");
    await expect(firstCard(page).locator("h3")).toContainText("Royal Manchester Children's Hospital");
  });

  test("the home page shows the five nearest for a sarcoma type, tiered, and links to the full list", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Your town, city or ZIP code").fill("Stockport");
    await page.getByLabel("Sarcoma type (if you know it)").selectOption("rhabdomyosarcoma");
    await page.getByRole("button", { name: "Find the nearest hospitals" }).click();
    const nearest = page.locator("section", { has: page.getByRole("heading", { name: /nearest hospitals for Rhabdomyosarcoma/ }) });
    await expect(nearest.locator("ol > li")).toHaveCount(5);
    await expect(nearest.locator("ol > li").first()).toContainText("Its own pages name this type.");
    await nearest.getByRole("link", { name: /See all \d+ hospitals in order of distance/ }).click();
    await expect(page).toHaveURL(/\/hospitals\?near=stockport-gb&tumor=rhabdomyosarcoma|\/hospitals\?tumor=rhabdomyosarcoma&near=stockport-gb/);
  });

  test("a sarcoma-type page and the comparison take the same box", async ({ page }) => {
    await page.goto("/sarcomas/rhabdomyosarcoma");
    await page.getByLabel("Your town, city or ZIP code").fill("Boulder");
    await page.getByRole("button", { name: "Find the nearest for this type" }).click();
    await expect(page).toHaveURL(/tumor=rhabdomyosarcoma/);
    await expect(page.locator("#result-heading")).toContainText("nearest to Boulder, Colorado, United States first");

    await page.goto("/compare?h=great-ormond-street&h=royal-marsden-sutton");
    await page.getByLabel("Your town, city or ZIP code").fill("Swansea, Wales");
    await page.getByRole("button", { name: "Update comparison" }).click();
    await expect(page.locator("tbody th", { hasText: "Distance from Swansea, Wales, United Kingdom" })).toBeVisible();
  });
});

test("every old near=<city-slug> link orders hospitals by distance from that city, as before", async ({ request }) => {
  // The oracle: the store's own positions, ordered as the listing always has (nearest
  // first, ties by name), independent of lib/data/near.ts.
  const cities = queryStore<{ slug: string; latitude: number; longitude: number }>(`SELECT slug, latitude, longitude FROM City`);
  const hospitals = queryStore<{ slug: string; name: string; latitude: number; longitude: number }>(
    `SELECT h.slug, h.name, coalesce(h.latitude, c.latitude) AS latitude, coalesce(h.longitude, c.longitude) AS longitude
       FROM Hospital h JOIN City c ON c.slug = h.citySlug`,
  );
  const rad = Math.PI / 180;
  const km = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) =>
    2 *
    6371.0088 *
    Math.asin(
      Math.min(
        1,
        Math.sqrt(
          Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
            Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2,
        ),
      ),
    );
  expect(cities.length).toBeGreaterThan(200);
  for (const city of cities) {
    const expected = [...hospitals]
      .map((h) => ({ h, d: km(city, h) }))
      .sort((a, b) => a.d - b.d || a.h.name.localeCompare(b.h.name))
      .slice(0, 20)
      .map((x) => x.h.slug);
    const response = await request.get(`/api/hospitals?near=${city.slug}`);
    expect(response.status(), city.slug).toBe(200);
    const body = await response.json();
    expect(body.meta.near.near, city.slug).toBe(city.slug);
    expect(
      body.data.map((d: { slug: string }) => d.slug),
      city.slug,
    ).toEqual(expected);
  }
});

test("the API takes the same near, and says which place it understood", async ({ request }) => {
  const body = await (await request.get("/api/hospitals?near=stockport")).json();
  expect(body.meta.near).toMatchObject({ near: "stockport-gb", name: "Stockport", region: "England", country: "United Kingdom" });
  expect(body.data[0]).toMatchObject({ slug: "royal-manchester-childrens" });
  expect(typeof body.data[0].distanceKm).toBe("number");
  const ambiguous = await request.get("/api/hospitals?near=Richmond");
  expect(ambiguous.status()).toBe(400);
  expect(JSON.stringify(await ambiguous.json())).toContain("near=richmond-va-us");
});

for (const path of ["/?near=Stockport&tumor=rhabdomyosarcoma", "/hospitals?near=Richmond", "/hospitals?near=Qzxwvutopia"]) {
  test(`${path} passes axe`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}
