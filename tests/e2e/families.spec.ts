import { expect, test, type APIRequestContext } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { expectNoAxeViolations } from "./axe";
import { sitemapPaths } from "./sitemap";

// Issue 16: open trials linked (not copied), help for families by country, and the family
// pack that prints for an appointment.

const TRIALS = /href="(https:\/\/clinicaltrials\.gov\/search\?[^"]+)"/g;
const PACK = "/pack?h=great-ormond-street&h=royal-marsden-sutton&pathway=newly-diagnosed-rhabdomyosarcoma";

function decode(html: string): string {
  return html
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');
}

async function trialLinks(request: APIRequestContext, path: string): Promise<URLSearchParams[]> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return [...(await response.text()).matchAll(TRIALS)].map((m) => new URL(decode(m[1])).searchParams);
}

test("every sarcoma-type page and every profile links to a filtered search for recruiting children's trials", async ({ request }) => {
  test.setTimeout(240_000);
  const paths = (await sitemapPaths(request)).filter((p) => /^\/(sarcomas|hospitals)\/[^/]+$/.test(p));
  expect(paths.filter((p) => p.startsWith("/sarcomas/")).length).toBeGreaterThanOrEqual(20);
  expect(paths.filter((p) => p.startsWith("/hospitals/")).length).toBeGreaterThan(300);
  for (const path of paths) {
    const links = await trialLinks(request, path);
    expect(links.length, path).toBe(1);
    const [p] = links;
    expect(p.get("aggFilters"), path).toBe("ages:child,status:rec");
    expect(p.get("cond"), path).toMatch(/\S/);
    if (path.startsWith("/hospitals/")) {
      // The centre's own town and country.
      expect(p.get("country"), path).toMatch(/\S/);
      expect(p.get("city"), path).toMatch(/\S/);
      expect(p.get("locStr"), path).toContain(p.get("city")!);
      expect(p.get("locStr"), path).toContain(p.get("country")!);
    } else expect(p.has("country"), path).toBe(false);
  }
  const [rms] = await trialLinks(request, "/sarcomas/desmoid-tumour");
  expect(rms.get("cond")).toBe("Desmoid Tumor");
  const [gosh] = await trialLinks(request, "/hospitals/great-ormond-street");
  expect(Object.fromEntries(gosh)).toMatchObject({ country: "United Kingdom", city: "London", locStr: "London, England, United Kingdom" });
});

test("a pathway's trial step, and a listing near a place, link to the search with that place and a distance", async ({ request }) => {
  const steps = await trialLinks(request, "/pathways/newly-diagnosed-rhabdomyosarcoma");
  expect(steps.length).toBeGreaterThan(0);
  for (const p of steps) expect(p.get("cond")).toBe("Rhabdomyosarcoma");
  const [near] = await trialLinks(request, "/hospitals?near=stockport-gb&tumor=synovial-sarcoma");
  expect(near.get("cond")).toBe("Synovial sarcoma");
  expect(near.get("locStr")).toBe("Stockport, England, United Kingdom");
  expect(near.get("distance")).toBe("100");
  expect(Number(near.get("lat"))).toBeCloseTo(53.41, 1);
  expect(await trialLinks(request, "/hospitals?tumor=synovial-sarcoma")).toEqual([]);
});

test("a trials link explains trials, their phases and who decides, with JavaScript off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sarcomas/rhabdomyosarcoma");
  const section = page.getByRole("region", { name: "Clinical trials open to children" });
  await expect(section.getByRole("link", { name: /Recruiting trials for children: rhabdomyosarcoma/ })).toHaveAttribute(
    "href",
    /clinicaltrials\.gov\/search\?cond=Rhabdomyosarcoma/,
  );
  await expect(section).toContainText("What a trial is");
  await section.getByText("What the phases of a trial mean").click();
  for (const phase of ["Phase 1 trial", "Phase 2 trial", "Phase 3 trial"]) await expect(section.getByRole("link", { name: phase })).toBeVisible();
  await expect(section).toContainText("your child's care team and the trial's own team to decide");
  await context.close();
});

test("/support lists organisations for at least six countries, every value with a source", async ({ page }) => {
  // (axe on /support: every-page.spec.ts.)
  await page.goto("/support");
  const countries = page.getByRole("navigation", { name: "Countries" }).getByRole("listitem");
  expect(await countries.count()).toBeGreaterThanOrEqual(6);
  const orgs = page.locator(".support-org");
  expect(await orgs.count()).toBeGreaterThanOrEqual(30);
  for (const name of ["Sarcoma UK", "Young Lives vs Cancer", "American Childhood Cancer Organization", "NHS Healthcare Travel Costs Scheme"]) {
    await expect(page.getByRole("heading", { name: new RegExp(name) })).toBeVisible();
  }
  // Every citation points at an entry of the page's numbered source list.
  const cites = await page.locator(".support-org .cite a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(cites.length).toBeGreaterThan(100);
  const ids = new Set(await page.locator(".sources li").evaluateAll((lis) => lis.map((li) => `#${li.id}`)));
  for (const href of cites) expect(ids.has(href!), href!).toBe(true);
});

test("a profile shows places to stay its sources name, and help for families in its country", async ({ page }) => {
  await page.goto("/hospitals/great-ormond-street");
  const stay = page.getByRole("region", { name: "Places for families to stay" });
  await expect(stay).toContainText("GOSH Patient Hotel");
  await expect(stay.locator(".cite a").first()).toHaveAttribute("href", /^#source-\d+$/);
  const help = page.getByRole("region", { name: "Help for families in United Kingdom" });
  await expect(help.getByRole("heading", { name: /Sarcoma UK/ })).toBeVisible();
  await expect(help.getByRole("heading", { name: /Children's Cancer and Leukaemia Group|CCLG/ }).first()).toBeVisible();
  await page.getByRole("link", { name: "Make a family pack" }).click();
  await expect(page).toHaveURL(/\/pack\?h=great-ormond-street$/);
  await expect(page.getByRole("heading", { level: 2, name: "Great Ormond Street Hospital for Children" })).toBeVisible();
});

test("the comparison and a pathway make a family pack, with JavaScript off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/compare?h=great-ormond-street&h=royal-marsden-sutton");
  await page.getByRole("link", { name: "Make a family pack" }).click();
  await expect(page).toHaveURL(/\/pack\?h=great-ormond-street&h=royal-marsden-sutton$/);
  await page.getByLabel("Treatment pathway").selectOption("newly-diagnosed-rhabdomyosarcoma");
  await page.getByRole("button", { name: "Update the pack" }).click();
  await expect(page).toHaveURL(/pathway=newly-diagnosed-rhabdomyosarcoma/);
  await expect(page.getByRole("heading", { level: 2, name: "Newly diagnosed rhabdomyosarcoma" })).toBeVisible();
  await page.goto("/pathways/newly-diagnosed-rhabdomyosarcoma");
  await page.getByRole("link", { name: "make a family pack" }).click();
  await expect(page).toHaveURL(/\/pack\?pathway=newly-diagnosed-rhabdomyosarcoma$/);
  await context.close();
});

test("the family pack holds the centres, the pathway's questions, questions to ask, help and the words used, each fact numbered", async ({
  browser,
  page: withScripts,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PACK);
  for (const name of [
    "Great Ormond Street Hospital for Children",
    "Newly diagnosed rhabdomyosarcoma",
    "Questions to ask a centre",
    "Help for families",
    "Words used in this pack",
    "Sources",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  const gosh = page.getByRole("region", { name: "Great Ormond Street Hospital for Children" });
  await expect(gosh).toContainText("How to be referred");
  await expect(gosh).toContainText("020 7405 9200");
  await expect(gosh).toContainText("principal treatment centres");
  const pathway = page.getByRole("region", { name: "Newly diagnosed rhabdomyosarcoma" });
  expect(await pathway.locator(".checklist li").count()).toBeGreaterThan(20);
  await expect(page.getByRole("region", { name: "Help for families" })).toContainText("Sarcoma UK");
  await expect(page.getByRole("region", { name: "Words used in this pack" })).toContainText("Multidisciplinary team (MDT)");
  // One numbering across the pack: every citation resolves, and every source is cited.
  const cites = new Set(await page.locator(".family-pack .cite a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!)));
  const sources = await page.locator(".sources li").evaluateAll((lis) => lis.map((li) => `#${li.id}`));
  expect(sources.length).toBeGreaterThan(20);
  expect([...cites].sort()).toEqual([...sources].sort());
  await context.close();
  // axe runs as a script, so in a page with JavaScript on.
  await withScripts.goto(PACK);
  await expectNoAxeViolations(withScripts);
});

test("the family pack prints on A4 and US Letter: no site navigation, dated, a small page count, nothing cut off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PACK);
  for (const [format, widthMm] of [
    ["A4", 210],
    ["Letter", 215.9],
  ] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    // Seven parts, each from a new page (the first centre shares the first page).
    expect(pages, format).toBeGreaterThanOrEqual(6);
    expect(pages, format).toBeLessThanOrEqual(14);
    // The printed layout at that paper's width (less the 10 mm margins): no line runs off it.
    await page.emulateMedia({ media: "print" });
    const width = Math.floor(((widthMm - 20) / 25.4) * 96);
    await page.setViewportSize({ width, height: 1000 });
    const overflow = await page.evaluate((w) => {
      const out: string[] = [];
      for (const el of document.querySelectorAll("body *")) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > w + 1 || r.left < -1)) out.push(`${el.tagName}.${el.className}: ${Math.round(r.left)}..${Math.round(r.right)}`);
      }
      return out;
    }, width);
    expect(overflow, format).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await expect(page.locator('header[role="banner"]')).toBeHidden();
    await expect(page.locator("footer")).toBeHidden();
    await expect(page.locator(".family-pack form")).toBeHidden();
    await expect(page.getByText(/^Made on \d{1,2} \w+ \d{4}/)).toBeVisible();
    const breaks = await page.locator(".family-pack .pack-section").evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
    expect(breaks.filter((b) => b === "page").length).toBe(breaks.length - 1);
    await page.emulateMedia({ media: "screen" });
  }
  await context.close();
});

test("a pack link with unknown, repeated or too many choices explains them and never fails", async ({ page }) => {
  const response = await page.goto("/pack?h=nope&h=great-ormond-street&h=great-ormond-street&pathway=zzz");
  expect(response?.status()).toBe(200);
  const status = page.getByRole("status");
  await expect(status).toContainText('We don\'t have a hospital called "nope", so it is not in the pack.');
  await expect(status).toContainText("Great Ormond Street Hospital for Children was chosen twice; it is shown once.");
  await expect(status).toContainText('We don\'t have a pathway called "zzz", so no pathway is in the pack.');
  await expect(page.getByRole("heading", { level: 2, name: "Great Ormond Street Hospital for Children" })).toHaveCount(1);
  await page.goto("/pack?h=uclh&h=great-ormond-street&h=royal-marsden-sutton&h=evelina-london&h=alder-hey");
  await expect(page.getByRole("status")).toContainText("A pack can hold up to 4 hospitals at once, so we kept the first 4.");
  await page.goto("/pack");
  await expect(page.getByRole("heading", { level: 2, name: "Make a family pack" })).toBeVisible();
  await page.getByLabel("Add a hospital").selectOption("alder-hey");
  await page.getByRole("button", { name: "Update the pack" }).click();
  await expect(page).toHaveURL(/\/pack\?h=alder-hey/);
  await expectNoAxeViolations(page);
});
