import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cacheControl, isKept, ROUTES, routeOf, takesNonce } from "@/lib/server/routes";

// The route table (lib/server/routes.ts) is the one place that says how each route is
// answered: a route of app/ it does not list would get a policy by accident.

const APP = path.join(process.cwd(), "app");
// Metadata files Next turns into routes of their own.
const METADATA: Record<string, string> = { "robots.ts": "robots.txt", "sitemap.ts": "sitemap.xml", "icon.svg": "icon.svg" };

/** Every route app/ defines: a folder with a page or a route handler, or a metadata file. */
function appRoutes(dir = APP, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory()) {
      // (group) folders add nothing to the path; _private folders are not routes.
      if (d.name.startsWith("_")) return [];
      const segment = /^\(.*\)$/.test(d.name) ? "" : `/${d.name}`;
      return appRoutes(path.join(dir, d.name), prefix + segment);
    }
    if (/^(page|route)\.(tsx?|jsx?)$/.test(d.name)) return [prefix || "/"];
    if (METADATA[d.name]) return [`${prefix}/${METADATA[d.name]}`];
    return [];
  });
}

describe("the route table", () => {
  it("lists every route of app/, and nothing else but Next's own pages", () => {
    const routes = appRoutes().sort();
    expect(routes.length).toBeGreaterThan(15);
    expect(routes).toContain("/hospitals/[slug]");
    expect(routes).toContain("/robots.txt");
    const listed = ROUTES.map((r) => r.route).filter((r) => !r.startsWith("/_"));
    expect([...listed].sort()).toEqual(routes);
    expect(new Set(ROUTES.map((r) => r.route)).size).toBe(ROUTES.length);
  });

  it("finds a path's route, dynamic segments and trailing slashes included", () => {
    expect(routeOf("/hospitals/great-ormond-street")?.route).toBe("/hospitals/[slug]");
    expect(routeOf("/hospitals")?.route).toBe("/hospitals");
    expect(routeOf("/hospitals/")?.route).toBe("/hospitals");
    expect(routeOf("/hospitals.csv")?.route).toBe("/hospitals.csv");
    expect(routeOf("/")?.route).toBe("/");
    expect(routeOf("/hospitals/a/b")).toBeNull();
    expect(routeOf("/hospitalsx")).toBeNull();
    expect(routeOf("/favicon.ico")).toBeNull();
  });

  it("gives a nonce only to the pages rendered per request, and keeps the query-dependent ones", () => {
    expect(["/compare", "/pack", "/compare/"].map(takesNonce)).toEqual([true, true, true]);
    expect(["/", "/hospitals", "/search", "/about", "/hospitals/x", "/hospitals.csv"].map(takesNonce)).toEqual([false, false, false, false, false, false]);
    expect(["/", "/hospitals", "/search", "/api/hospitals", "/api/hospitals/x", "/hospitals.csv"].every(isKept)).toBe(true);
    expect(["/compare", "/about", "/hospitals/x"].some(isKept)).toBe(false);
  });

  it("lets shared caches keep public answers for a bounded time, never a nonce page", () => {
    const times = { maxAge: 120, staleWhileRevalidate: 600 };
    expect(cacheControl("shared", times)).toBe("public, max-age=120, stale-while-revalidate=600");
    expect(cacheControl("private", times)).toBe("private, no-store");
    expect(cacheControl("not-found", times)).toBe("public, max-age=60");
    expect(cacheControl("not-found", { maxAge: 5, staleWhileRevalidate: 0 })).toBe("public, max-age=5");
  });
});
