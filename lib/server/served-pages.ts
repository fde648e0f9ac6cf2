import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { ServedManifest } from "./build-output";
import { chooseEncoding, encodedBody, ifNoneMatchHits, type EncodedBody, type Encoding } from "./encoding";
import { cacheControl, isFrameworkRoute, NEXT_STATIC_ROUTE, type CacheTimes } from "./routes";
import { baseHeaders, hashCsp } from "./security";

// The prerendered pages, sent from memory without calling Next: each as the build step
// made it (scripts/prepare-pages.ts), with its headers for each encoding worked out once
// at start, so a request costs a lookup, a choice of encoding and a write.

type Page = { etag: string; status: number; variants: Partial<Record<Encoding, EncodedBody>>; notModified: string[]; headers: string[] };

/** The page for a client that takes no compression, made from its gzip copy. */
const unzipped = (page: Page) => encodedBody(page.headers, "identity", gunzipSync(page.variants.gzip!.body));

export type ServedPages = {
  /** Answers a GET or HEAD for a prerendered page and returns true, or returns false for any other request. */
  send(req: IncomingMessage, res: ServerResponse): boolean;
  /** How many pages, and the bytes held. */
  size: { pages: number; bytes: number };
};

const flat = (headers: Record<string, string>) => Object.entries(headers).flat();

export function loadServedPages(manifest: ServedManifest, dir: string, times: CacheTimes): ServedPages {
  const pages = new Map<string, Page>();
  let bytes = 0;
  for (const p of manifest.pages) {
    if (isFrameworkRoute(p.route)) continue;
    const cache = cacheControl(p.route === NEXT_STATIC_ROUTE ? "immutable" : "shared", times);
    const headers = flat({
      "content-type": p.contentType,
      "content-security-policy": hashCsp(p.scriptHashes ?? []),
      ...lowerCased(baseHeaders(true)),
      "cache-control": cache,
      etag: p.etag,
      ...(p.files.gzip ? { vary: "Accept-Encoding" } : {}),
    });
    const variants: Page["variants"] = {};
    for (const encoding of ["identity", "gzip", "br"] as const) {
      const file = p.files[encoding];
      // A page with compressed copies is held only compressed: the rare client that takes
      // neither gets the gzip copy unzipped.
      if (!file || (encoding === "identity" && p.files.gzip)) continue;
      const body = readFileSync(path.join(dir, file));
      bytes += body.length;
      variants[encoding] = encodedBody(headers, encoding, body);
    }
    const notModified = flat({ "cache-control": cache, etag: p.etag, ...(p.files.gzip ? { vary: "Accept-Encoding" } : {}) });
    pages.set(p.path, { etag: p.etag, status: p.status, variants, notModified, headers });
  }

  function send(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const url = req.url ?? "";
    // A query string or React's own data requests go to Next.
    if (url.includes("?") || req.headers.rsc !== undefined) return false;
    const page = pages.get(url);
    if (!page) return false;
    if (ifNoneMatchHits(req.headers["if-none-match"], page.etag)) {
      res.writeHead(304, page.notModified);
      res.end();
      return true;
    }
    const encoding = chooseEncoding(req);
    const variant = page.variants[encoding] ?? page.variants.identity ?? unzipped(page);
    res.writeHead(page.status, variant.headers);
    res.end(req.method === "HEAD" ? undefined : variant.body);
    return true;
  }

  return { send, size: { pages: pages.size, bytes } };
}

const lowerCased = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
