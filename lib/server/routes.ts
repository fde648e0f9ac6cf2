// The route table: for every route of app/, how the production server answers it, which
// Content-Security-Policy it gets and how long a browser or shared cache (a CDN, nginx)
// may keep it. proxy.ts, server.ts (through lib/server/render-cache.ts) and the build step
// (scripts/prepare-pages.ts) all read it, and tests/unit/routes.test.ts fails when a route
// of app/ is missing from it.
//
// - "prerendered": next build wrote the page; the build step strips the framework, hashes
//   its inline scripts for its CSP, tags and compresses it once, and the server sends it
//   from memory without calling Next. The build step fails if Next did not prerender it.
// - "kept": the answer depends on the query string but not on the moment (the store does
//   not change while the server runs): rendered by Next on its first request, then kept
//   by URL in memory with a CSP of its own scripts' hashes.
// - "per-request": rendered by Next for every request with a fresh CSP nonce, so no
//   shared cache may store it.

export type Render = "prerendered" | "kept" | "per-request";

export type RouteEntry = {
  /** The route as app/ spells it: "/hospitals/[slug]", "/robots.txt". */
  route: string;
  render: Render;
  /** What the route answers with. */
  body: "html" | "json" | "file";
};

/** The route the files of public/ are served under: as prerendered pages are, from memory. */
export const PUBLIC_ROUTE = "public/";

/** Next's built files (their names carry a hash of their content), also served from memory. */
export const NEXT_STATIC_ROUTE = "/_next/static/";

/** Next's own routes, which answer other paths and are not served under their own. */
export const isFrameworkRoute = (route: string) => route === "/_not-found" || route === "/_global-error";

export const ROUTES: readonly RouteEntry[] = [
  { route: "/", render: "kept", body: "html" },
  { route: "/about", render: "prerendered", body: "html" },
  { route: "/api/hospitals", render: "kept", body: "json" },
  { route: "/api/hospitals/[slug]", render: "kept", body: "json" },
  { route: "/compare", render: "per-request", body: "html" },
  { route: "/glossary", render: "prerendered", body: "html" },
  { route: "/hospitals", render: "kept", body: "html" },
  { route: "/hospitals.csv", render: "kept", body: "file" },
  { route: "/hospitals/[slug]", render: "prerendered", body: "html" },
  { route: "/icon.svg", render: "prerendered", body: "file" },
  { route: "/networks", render: "prerendered", body: "html" },
  { route: "/networks/[slug]", render: "prerendered", body: "html" },
  { route: "/pack", render: "per-request", body: "html" },
  { route: "/pathways", render: "prerendered", body: "html" },
  { route: "/pathways/[slug]", render: "prerendered", body: "html" },
  { route: "/robots.txt", render: "prerendered", body: "file" },
  { route: "/sarcomas", render: "prerendered", body: "html" },
  { route: "/sarcomas/[slug]", render: "prerendered", body: "html" },
  { route: "/search", render: "kept", body: "html" },
  { route: "/sitemap.xml", render: "prerendered", body: "file" },
  { route: "/support", render: "prerendered", body: "html" },
  { route: "/treatments", render: "prerendered", body: "html" },
  { route: "/treatments/[slug]", render: "prerendered", body: "html" },
  // Next's own pages: the answer to any unknown path, and the page of an uncaught error.
  // Prerendered, but never asked for by their own paths (the server does not serve them as such).
  { route: "/_not-found", render: "prerendered", body: "html" },
  { route: "/_global-error", render: "prerendered", body: "html" },
];

const patterns = ROUTES.map((entry) => ({
  entry,
  regex: new RegExp(`^${entry.route.replace(/[.+?^${}()|\\]/g, "\\$&").replace(/\[[^\]/]+\]/g, "[^/]+")}$`),
}));

/** The table's entry for a request path (without its query string), or null for none (files of public/, Next's own). */
export function routeOf(pathname: string): RouteEntry | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return patterns.find((p) => p.regex.test(path))?.entry ?? null;
}

/** Whether a page on this path gets a per-request nonce in its CSP (and so is never stored by a shared cache). */
export function takesNonce(pathname: string): boolean {
  return routeOf(pathname)?.render === "per-request";
}

/** Whether the server keeps this path's answers by URL. */
export function isKept(pathname: string): boolean {
  return routeOf(pathname)?.render === "kept";
}

// ---- HTTP caching ----

export type CacheTimes = { maxAge: number; staleWhileRevalidate: number };

/**
 * Cache-Control for a response. Prerendered and kept answers are the same for everyone
 * until the next content build, so any cache may keep them for `maxAge` seconds, then must
 * revalidate (their ETag changes when a build changes them), and may send the old copy for
 * a while as it does. A page with a nonce, a React data request and an error are never
 * stored; a "not found" page is kept briefly.
 */
export function cacheControl(kind: "shared" | "private" | "not-found" | "immutable", times: CacheTimes): string {
  if (kind === "private") return "private, no-store";
  // A file whose name changes with its content: Next's built files.
  if (kind === "immutable") return "public, max-age=31536000, immutable";
  if (kind === "not-found") return `public, max-age=${Math.min(60, times.maxAge)}`;
  return `public, max-age=${times.maxAge}, stale-while-revalidate=${times.staleWhileRevalidate}`;
}
