import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import { withoutFrameworkScripts } from "./framework-scripts";
import { hashCsp, inlineScriptHashes, RENDER_FOR_CACHE_HEADER } from "./security";

// What server.ts, the production server, does in front of Next's handler.
//
// The listing, search and the listing's JSON render per request because their answer
// depends on the query string, and the framework's own cost of a render here (about 7 ms
// even for a page that reads nothing) caps them at a fraction of a prerendered page's
// throughput. But the store does not change while a server runs, so the same URL always
// gives the same answer. The first request for such a URL is rendered by Next as usual,
// without a nonce; the answer is kept, HTML with a CSP holding the SHA-256 hashes of its
// own inline scripts (the policy prerendered pages get from scripts/csp-hashes.ts), and
// later requests for that URL are answered from memory. A URL's page is kept whole, so no
// response shares a policy with any other content. Prerendered pages are left to Next but
// tagged and compressed once (sendPrerendered).
//
// Every HTML page leaves here without the framework's scripts (lib/server/framework-scripts.ts):
// once per URL kept, once per prerendered page, and per response for the rest (/compare,
// "not found" pages).

/**
 * Responses kept by URL: the home page (with its near box), the listing, search and the listing's JSON, whose answers depend
 * on the query string. /compare is not: few parents ask for the same four hospitals.
 */
const CACHED_PATHS: readonly string[] = ["/", "/hospitals", "/search", "/api/hospitals"];

const MAX_URL_LENGTH = 2000;

type CachedPage = { status: number; headers: Record<string, string | string[]>; identity: Buffer; gzip: Buffer };

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** A request the cache may answer: a plain page GET, not one of the router's own data requests. */
function isCacheable(req: IncomingMessage): boolean {
  return isPlainGet(req) && CACHED_PATHS.includes(pathnameOf(req));
}

const pathnameOf = (req: IncomingMessage) => {
  const q = req.url!.indexOf("?");
  return q === -1 ? req.url! : req.url!.slice(0, q);
};

/** A GET for a whole page or answer, not one of the React router's own data requests. */
function isPlainGet(req: IncomingMessage): boolean {
  if (req.method !== "GET" || !req.url || req.url.length > MAX_URL_LENGTH) return false;
  if (/[?&]_rsc=/.test(req.url)) return false;
  // Client-side navigations ask for the page's React payload with these headers.
  return !Object.keys(req.headers).some((h) => h === "rsc" || h.startsWith("next-router-") || h === "next-action");
}

function wantsGzip(req: IncomingMessage): boolean {
  const accept = req.headers["accept-encoding"];
  return typeof accept === "string" && /(^|,)\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*(,|$))[\d.]+)?\s*(,|$)/i.test(accept);
}

/** Sends a cached page, compressed if the client accepts gzip. */
function sendCached(req: IncomingMessage, res: ServerResponse, page: CachedPage, state: "hit" | "miss"): void {
  const gzip = wantsGzip(req);
  const body = gzip ? page.gzip : page.identity;
  res.statusCode = page.status;
  for (const [k, v] of Object.entries(page.headers)) res.setHeader(k, v);
  res.setHeader("Vary", "Accept-Encoding");
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.setHeader("X-Render-Cache", state);
  res.end(body);
}

type Captured = { status: number; headers: Record<string, string | string[]>; body: Buffer };

/**
 * Runs the handler with `res` buffering instead of sending: status, headers and body are
 * returned when the handler ends the response, and nothing has reached the client yet.
 */
function capture(handler: Handler, req: IncomingMessage, res: ServerResponse): Promise<Captured> {
  return new Promise((resolve, reject) => {
    // Kept as written and joined only if someone reads `body`: a prerendered page already
    // tagged and compressed is never converted at all.
    const chunks: (Buffer | { text: string; encoding: BufferEncoding })[] = [];
    const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
    const keep = (chunk: unknown, encoding?: unknown) =>
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : typeof chunk === "string"
            ? { text: chunk, encoding: (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding }
            : Buffer.from(chunk as Uint8Array),
      );
    const callback = (...args: unknown[]) => args.find((a): a is () => void => typeof a === "function");
    res.writeHead = function (status: number, ...rest: unknown[]) {
      res.statusCode = status;
      const headers = rest.find((r) => typeof r === "object" && r !== null) as Record<string, string | string[]> | [string, string][] | undefined;
      const entries = Array.isArray(headers) ? headers : Object.entries(headers ?? {});
      for (const [k, v] of entries) if (v !== undefined) res.setHeader(k, v);
      return res;
    } as typeof res.writeHead;
    res.flushHeaders = () => {};
    res.write = function (chunk: unknown, ...rest: unknown[]) {
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") keep(chunk, rest[0]);
      const cb = callback(...rest);
      if (cb) queueMicrotask(cb);
      return true;
    } as typeof res.write;
    res.end = function (chunk?: unknown, ...rest: unknown[]) {
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") keep(chunk, rest[0]);
      Object.assign(res, original);
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(res.getHeaders())) if (v !== undefined) headers[k] = Array.isArray(v) ? v : String(v);
      for (const k of Object.keys(headers)) res.removeHeader(k);
      let body: Buffer | null = null;
      resolve({
        status: res.statusCode,
        headers,
        get body() {
          return (body ??= Buffer.concat(chunks.map((c) => (Buffer.isBuffer(c) ? c : Buffer.from(c.text, c.encoding)))));
        },
      });
      const cb = callback(chunk, ...rest);
      if (cb) queueMicrotask(cb);
      return res;
    } as typeof res.end;
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        Object.assign(res, original);
        reject(error);
      });
  });
}

const contentType = (c: Captured) => String(c.headers["content-type"] ?? "");
const isHtml = (c: Captured) => contentType(c).startsWith("text/html");

/**
 * The response with its HTML page, if it is one the server can read, without the
 * framework's scripts. Except a server error: Next sends an empty document and React draws
 * app/error.tsx in the browser, so that page keeps the framework.
 */
function withoutFramework(c: Captured): Captured {
  if (!isHtml(c) || c.headers["content-encoding"] || c.status >= 500) return c;
  return { ...c, body: Buffer.from(withoutFrameworkScripts(c.body.toString("utf8")), "utf8") };
}

/**
 * A page a browser may ask for that is neither kept nor prerendered (/compare, a "not
 * found" page): read whole, so its HTML can leave without the framework. API answers and
 * files (a path with a dot in its last part, such as the CSV) stream as Next writes them.
 */
function isOtherPage(req: IncomingMessage): boolean {
  const path = pathnameOf(req);
  return isPlainGet(req) && !path.startsWith("/api/") && !path.startsWith("/_next/") && !/\.[^/]*$/.test(path);
}

/** The policy for a page the server sends itself: its own inline scripts' hashes. */
const ownScriptsCsp = (c: Captured, production: boolean) => hashCsp(inlineScriptHashes(c.body.toString("utf8")), !production);

/** Sends a captured response as Next wrote it. */
function replay(res: ServerResponse, c: Captured): void {
  res.statusCode = c.status;
  for (const [k, v] of Object.entries(c.headers)) res.setHeader(k, v);
  res.end(c.body);
}

/** Sends a body the server made itself (`gzipped` if so) with these headers and its own length. */
function sendBody(res: ServerResponse, status: number, headers: Record<string, string | string[]>, body: Buffer, gzipped = false): void {
  replay(res, { status, headers: { ...headers, ...(gzipped ? { "content-encoding": "gzip" } : {}), "content-length": String(body.length) }, body });
}

/**
 * A response as the cache keeps it: a 200 HTML page, with its inline scripts' hashes in
 * its CSP, or a 200 JSON answer. Anything else (a redirect, an error, an already
 * compressed body) is not kept.
 */
function toCachedPage(captured: Captured, production: boolean): CachedPage | null {
  const json = contentType(captured).startsWith("application/json");
  if (captured.status !== 200 || !(isHtml(captured) || json) || captured.headers["content-encoding"]) return null;
  const c = withoutFramework(captured);
  const headers = { ...c.headers };
  delete headers["content-length"];
  delete headers["transfer-encoding"];
  delete headers["vary"];
  if (isHtml(c)) headers["content-security-policy"] = ownScriptsCsp(c, production);
  return { status: 200, headers, identity: c.body, gzip: gzipSync(c.body) };
}

/** Next's headers for a body the server sends itself: no length or framing of Next's, Vary merged with Accept-Encoding. */
function headersForNewBody(c: Captured): Record<string, string | string[]> {
  const varies = [c.headers["vary"] ?? []]
    .flat()
    .flatMap((v) => v.split(",").map((h) => h.trim()))
    .filter(Boolean);
  const headers: Record<string, string | string[]> = { ...c.headers, vary: [...new Set([...varies, "Accept-Encoding"])].join(", ") };
  delete headers["content-length"];
  delete headers["transfer-encoding"];
  return headers;
}

/**
 * /compare and "not found" pages, rendered by Next for each request: read whole and sent
 * without the framework's scripts, compressed here if the client accepts gzip. Anything
 * else they turn out to be (a redirect, an error Next compressed) is sent as written.
 */
async function sendOtherPage(next: Handler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const gzip = wantsGzip(req);
  delete req.headers["accept-encoding"];
  const captured = await capture(next, req, res);
  if (!isHtml(captured) || captured.headers["content-encoding"]) return replay(res, captured);
  const c = withoutFramework(captured);
  sendBody(res, c.status, headersForNewBody(c), gzip ? gzipSync(c.body) : c.body, gzip);
}

/** A prerendered page's body as sent (HTML without the framework), its version tag and its gzip, made on its first request. */
type PrerenderedCopy = { identity: Buffer; etag: string; gzip: Buffer };

/** A strong validator for a body: the first 160 bits of its SHA-256. */
const etagOf = (body: Buffer) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/** Whether an If-None-Match header names this ETag (or is "*"). */
function matches(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (typeof ifNoneMatch !== "string") return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * Next hashes a prerendered page for its ETag and compresses it again on every request:
 * for a 140 kB pathway that was most of its cost. The build's prerendered pages cannot
 * change while the server runs (server.ts passes only those that are never revalidated),
 * so the server makes each page's ETag and gzip once (next.config.ts turns Next's ETags
 * off), answers If-None-Match with 304, and otherwise sends Next's status and headers
 * (CSP included) with the copy it made.
 */
async function sendPrerendered(next: Handler, req: IncomingMessage, res: ServerResponse, copies: LRUCache<string, PrerenderedCopy>): Promise<void> {
  const gzip = wantsGzip(req);
  const ifNoneMatch = req.headers["if-none-match"];
  delete req.headers["accept-encoding"];
  delete req.headers["if-none-match"];
  const c = await capture(next, req, res);
  if (c.status !== 200 || c.headers["content-encoding"]) {
    replay(res, c);
    return;
  }
  const path = pathnameOf(req);
  let copy = copies.get(path);
  if (!copy) {
    const identity = withoutFramework(c).body;
    copies.set(path, (copy = { identity, etag: etagOf(identity), gzip: gzipSync(identity) }));
  }
  const headers: Record<string, string | string[]> = { ...headersForNewBody(c), etag: copy.etag };
  if (matches(ifNoneMatch, copy.etag)) {
    delete headers["content-type"];
    replay(res, { status: 304, headers, body: Buffer.alloc(0) });
    return;
  }
  sendBody(res, 200, headers, gzip ? copy.gzip : copy.identity, gzip);
}

export type RenderCache = {
  /** Handles one request: from the cache, by rendering it into the cache, or by passing it on. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The value of RENDER_FOR_CACHE_HEADER on this process's own renders. */
  secret: string;
};

/**
 * `prerendered`: the paths next build prerendered and never revalidates (its prerender
 * manifest). Next serves them; the server tags and compresses each once.
 */
export function createRenderCache(next: Handler, opts: { maxBytes: number; production: boolean; prerendered: ReadonlySet<string> }): RenderCache {
  const secret = randomBytes(24).toString("base64url");
  const pages = new LRUCache<string, CachedPage>({
    maxSize: opts.maxBytes,
    sizeCalculation: (p) => p.identity.length + p.gzip.length + 2048,
  });
  const copies = new LRUCache<string, PrerenderedCopy>({ maxSize: 16 * 1024 * 1024, sizeCalculation: (p) => p.identity.length + p.gzip.length + 256 });
  // Requests for a URL being rendered wait for that render instead of starting their own.
  const rendering = new Map<string, Promise<CachedPage | null>>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only this process may mark a render as one for the cache, and only proxy.ts may
    // give a page its nonce.
    delete req.headers[RENDER_FOR_CACHE_HEADER];
    delete req.headers["x-nonce"];
    if (isPlainGet(req) && opts.prerendered.has(pathnameOf(req))) return sendPrerendered(next, req, res, copies);
    if (!isCacheable(req)) return isOtherPage(req) ? sendOtherPage(next, req, res) : next(req, res);
    const key = req.url!;
    const hit = pages.get(key);
    if (hit) return sendCached(req, res, hit, "hit");
    const pending = rendering.get(key);
    if (pending) {
      const page = await pending.catch(() => null);
      return page ? sendCached(req, res, page, "hit") : next(req, res);
    }

    const acceptEncoding = req.headers["accept-encoding"];
    req.headers[RENDER_FOR_CACHE_HEADER] = secret;
    // The cache compresses what it keeps; Next must send the page uncompressed.
    delete req.headers["accept-encoding"];
    let settle!: (page: CachedPage | null) => void;
    rendering.set(key, new Promise((resolve) => (settle = resolve)));
    try {
      const captured = await capture(next, req, res);
      if (acceptEncoding !== undefined) req.headers["accept-encoding"] = acceptEncoding;
      const page = toCachedPage(captured, opts.production);
      settle(page);
      if (page) {
        pages.set(key, page);
        return sendCached(req, res, page, "miss");
      }
      // Not kept (a redirect, a "not found"): sent as rendered, with its own scripts' hashes.
      if (!isHtml(captured) || captured.headers["content-encoding"]) return replay(res, captured);
      const sent = withoutFramework(captured);
      sendBody(res, sent.status, { ...headersForNewBody(sent), "content-security-policy": ownScriptsCsp(sent, opts.production) }, sent.body);
    } catch (error) {
      settle(null);
      throw error;
    } finally {
      rendering.delete(key);
    }
  }

  return { handle, secret };
}
