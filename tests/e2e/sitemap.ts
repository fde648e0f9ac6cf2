import type { APIRequestContext } from "@playwright/test";

/** Paths of every URL in /sitemap.xml (its host is the configured SITE_URL, not the test server). */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const xml = await (await request.get("/sitemap.xml")).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}
