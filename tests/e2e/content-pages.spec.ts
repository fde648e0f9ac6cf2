import { expect, test } from "@playwright/test";

test("from a sarcoma type to its pathway, a treatment, and the hospitals that treat it", async ({ page }) => {
  // axe on these pages as they load is every-page.spec.ts's work; this test follows the links.
  await page.goto("/sarcomas/alveolar-rhabdomyosarcoma");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alveolar rhabdomyosarcoma");
  await expect(page.getByRole("complementary", { name: "Review status" })).toContainText("Last reviewed");

  await page.getByRole("link", { name: "Its treatment pathway" }).click();
  await expect(page).toHaveURL("/pathways/newly-diagnosed-rhabdomyosarcoma");
  const steps = page.getByRole("navigation", { name: "Steps" }).getByRole("link");
  expect(await steps.count()).toBeGreaterThan(3);

  const option = page.locator("section[aria-labelledby$='-options'] a").first();
  const optionName = await option.textContent();
  await option.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(optionName!);
  await expect(page.getByRole("heading", { name: "How strong is the evidence?" })).toBeVisible();

  await page.goto("/sarcomas/alveolar-rhabdomyosarcoma");
  await page.getByRole("link", { name: /Hospitals that treat it \(\d+\)/ }).click();
  await expect(page).toHaveURL("/hospitals?tumor=alveolar-rhabdomyosarcoma");
  await expect(page.locator("#result-heading")).toContainText("that treat alveolar rhabdomyosarcoma");
  expect(await page.locator("article").count()).toBeGreaterThan(0);
});

test("a pathway prints as a checklist with room for notes", async ({ page }) => {
  await page.goto("/pathways/recurrent-soft-tissue-sarcoma");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  // Each question's tick box is drawn by CSS before it (not announced: it has no text).
  const item = page.locator(".checklist li").first();
  await expect(item).toBeVisible();
  const box = await item.evaluate((el) => {
    const style = getComputedStyle(el, "::before");
    return { content: style.content, border: style.borderTopStyle, width: style.width };
  });
  expect(box).toEqual({ content: '""', border: "solid", width: "16px" });
  await expect(page.locator(".notes").first()).toBeVisible();
  expect(await page.locator(".checklist li").count()).toBeGreaterThan(5);
});

test("a hospital profile prints as a one-page summary with the disclaimer", async ({ page }) => {
  await page.goto("/hospitals/great-ormond-street");
  const pdf = await page.pdf({ format: "A4" });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText(/^Printed from the Childhood Sarcoma Directory.*General information, not medical advice/)).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("heading", { name: "What our sources say" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Sources", exact: true })).toBeVisible();
});
