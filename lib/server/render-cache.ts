import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, brotliDecompressSync, constants, gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import { chooseEncoding, compressible, encodedBody, etagOf, ifNoneMatchHits, type EncodedBody, type Encoding } from "./encoding";
import { withoutFrameworkScripts } from "./framework-scripts";
import { cacheControl, routeOf, type CacheTimes, type RouteEntry } from "./routes";
import { hashCsp, inlineScriptHashes } from "./security";

// What server.ts, the production server, does with a request that is not a prerendered
// page (those are sent from memory, lib/server/served-pages.ts): Next renders it, and the
// answer leaves here without the framework's scripts, with a CSP, a Cache-Control (from
// the route table, lib/server/routes.ts), a weak ETag of its bytes and, for text, brotli or
// gzip as the client accepts.
//
// "Kept" routes (the listing, search, the open data) depend on the query string but not on
// the moment: the store does not change while a server runs. The first request for such a
// URL is rendered by Next; the answer is kept by URL, compressed, with a CSP holding the
// SHA-256 hashes of its own inline scripts, and later requests for it are answered from
// memory. A URL's page is kept whole, so no response shares a policy with any other
// content. server.ts shares what one worker keeps with the others (`adopt`).
//
// Pages rendered per request (/compare, /pack) keep the nonce proxy.ts gave them and are
// never stored by a shared cache. Next's files and React's own data requests pass through.

const MAX_URL_LENGTH = 2000;

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** A kept answer as it travels between workers: plain data (headers flat, as writeHead takes them), brotli only. */
export type KeptPage = { etag: string; headers: string[]; br: Uint8Array };

const pathnameOf = (req: IncomingMessage) => {
  const q = req.url!.indexOf("?");
  return q === -1 ? req.url! : req.url!.slice(0, q);
};

/** A GET or HEAD for a whole page or answer, not one of the React router's own data requests. */
function isPlainGet(req: IncomingMessage): boolean {
  if ((req.method !== "GET" && req.method !== "HEAD") || !req.url || req.url.length > MAX_URL_LENGTH) return false;
  if (/[?&]_rsc=/.test(req.url)) return false;
  // Client-side navigations ask for the page's React payload with these headers.
  return !Object.keys(req.headers).some((h) => h === "rsc" || h.startsWith("next-router-") || h === "next-action");
}

/** Next's own files (/_next/static) and the files of public/ (a dot in the last part), which carry no page. */
const isFile = (path: string) => path.startsWith("/_next/") || /\.[^/]*$/.test(path);

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

const gzip = (body: Buffer) => gzipSync(body, { level: 6 });
// Quality 4: as fast as gzip at level 6 and smaller; prerendered pages get the build's 10.
const brotli = (body: Buffer) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });

/** Headers Next set that the server replaces: framing, encoding, validators and caching are its own. */
const REPLACED = new Set([
  "content-length",
  "transfer-encoding",
  "content-encoding",
  "etag",
  "cache-control",
  "vary",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
]);

function ownHeaders(c: Captured): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(c.headers).filter(([k]) => !REPLACED.has(k)));
}

/**
 * The response as it leaves: HTML without the framework's scripts (except a server error's
 * page, which React draws in the browser), its CSP (the nonce proxy.ts gave it on a
 * per-request route, else its own inline scripts' hashes), and Cache-Control by route and
 * status.
 */
function finished(
  c: Captured,
  route: RouteEntry | null,
): { status: number; headers: Record<string, string | string[]>; body: Buffer; cache: "shared" | "private" | "not-found" } {
  const nonce = route?.render === "per-request";
  let body = c.body;
  const headers = ownHeaders(c);
  if (isHtml(c)) {
    const received = body.toString("utf8");
    const html = c.status < 500 ? withoutFrameworkScripts(received) : received;
    body = html === received ? body : Buffer.from(html, "utf8");
    if (!nonce) headers["content-security-policy"] = hashCsp(inlineScriptHashes(html));
  }
  const cache = nonce
    ? "private"
    : c.status === 200 || c.status === 301 || c.status === 308
      ? "shared"
      : c.status === 404 || c.status === 410
        ? "not-found"
        : "private";
  return { status: c.status, headers, body, cache };
}

/** Sends a body the server made, with its ETag, Vary and the client's encoding; 304 when the client has it. */
function sendBody(req: IncomingMessage, res: ServerResponse, f: ReturnType<typeof finished>, times: CacheTimes): void {
  const etag = etagOf(f.body);
  const type = String(f.headers["content-type"] ?? "");
  const cache = cacheControl(f.cache, times);
  const vary: Record<string, string> = compressible(type) ? { vary: "Accept-Encoding" } : {};
  const headers: Record<string, string | string[]> = { ...f.headers, "cache-control": cache, etag, ...vary };
  if (f.status === 200 && ifNoneMatchHits(req.headers["if-none-match"], etag)) {
    res.writeHead(304, { "cache-control": cache, etag, ...vary });
    res.end();
    return;
  }
  const encoding: Encoding = compressible(type) && f.body.length > 0 ? chooseEncoding(req) : "identity";
  const body = encoding === "br" ? brotli(f.body) : encoding === "gzip" ? gzip(f.body) : f.body;
  if (encoding !== "identity") headers["content-encoding"] = encoding;
  headers["content-length"] = String(body.length);
  res.writeHead(f.status, headers);
  res.end(body);
}

/**
 * A kept page ready to send: its headers for each encoding worked out once. It is kept as
 * brotli, which nearly every browser takes; the gzip copy is made on the first request
 * that needs it, and a client that takes neither gets the page decompressed for it.
 */
type Kept = { etag: string; notModified: string[]; headers: string[]; br: EncodedBody; gzip: EncodedBody | null };

function toKept(page: KeptPage): Kept {
  const br = Buffer.from(page.br.buffer, page.br.byteOffset, page.br.byteLength);
  const cacheIndex = page.headers.indexOf("cache-control");
  const notModified = ["cache-control", page.headers[cacheIndex + 1], "etag", page.etag, "vary", "Accept-Encoding"];
  return { etag: page.etag, notModified, headers: page.headers, br: encodedBody(page.headers, "br", br), gzip: null };
}

/** What a kept page holds: its brotli copy, room for the gzip copy (about 1.2 times as large) if a client asks for it, and its headers. */
const sizeOf = (p: Kept) => Math.ceil(p.br.body.length * 2.2) + 2048;

/** Sends a kept page in the client's encoding. */
function sendKept(req: IncomingMessage, res: ServerResponse, page: Kept, state: "hit" | "miss"): void {
  if (ifNoneMatchHits(req.headers["if-none-match"], page.etag)) {
    res.writeHead(304, page.notModified);
    res.end();
    return;
  }
  const encoding = chooseEncoding(req);
  let sent = page.br;
  if (encoding === "gzip") sent = page.gzip ??= encodedBody(page.headers, "gzip", gzip(brotliDecompressSync(page.br.body)));
  else if (encoding === "identity") sent = encodedBody(page.headers, "identity", brotliDecompressSync(page.br.body));
  res.writeHead(200, [...sent.headers, "x-render-cache", state]);
  res.end(req.method === "HEAD" ? undefined : sent.body);
}

/** What a kept route answers that can be kept: a 200 page, JSON or CSV, not compressed by Next. */
function keepable(c: Captured, route: RouteEntry, times: CacheTimes): KeptPage | null {
  if (c.status !== 200 || c.headers["content-encoding"]) return null;
  const type = contentType(c);
  if (!(isHtml(c) || type.startsWith("application/json") || type.startsWith("text/csv"))) return null;
  const f = finished(c, route);
  const etag = etagOf(f.body);
  const headers = Object.entries({ ...f.headers, "cache-control": cacheControl("shared", times), etag, vary: "Accept-Encoding" }).flatMap(([k, v]) =>
    Array.isArray(v) ? v.flatMap((x) => [k, x]) : [k, v],
  );
  return { etag, headers, br: brotli(f.body) };
}

export type RenderCache = {
  /** Handles one request that is not a prerendered page: from the kept pages, by rendering it, or by passing it on. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Keeps a page another worker rendered. */
  adopt(url: string, page: KeptPage): void;
  /** How many pages are kept, and their bytes. */
  size(): { pages: number; bytes: number };
};

/**
 * `maxBytes`: the memory kept pages may take (compressed, both encodings). `onKeep`: called
 * with each page this process renders and keeps, so server.ts can share it.
 */
export function createRenderCache(next: Handler, opts: { maxBytes: number; times: CacheTimes; onKeep?: (url: string, page: KeptPage) => void }): RenderCache {
  const pages = new LRUCache<string, Kept>({ maxSize: opts.maxBytes, sizeCalculation: sizeOf });
  // Requests for a URL being rendered wait for that render instead of starting their own.
  const rendering = new Map<string, Promise<Kept | null>>();

  /** Renders with Next, whole and uncompressed, so the server can finish it. */
  function render(req: IncomingMessage, res: ServerResponse): Promise<Captured> {
    const saved = { "accept-encoding": req.headers["accept-encoding"], "if-none-match": req.headers["if-none-match"] };
    delete req.headers["accept-encoding"];
    delete req.headers["if-none-match"];
    return capture(next, req, res).finally(() => {
      for (const [k, v] of Object.entries(saved)) if (v !== undefined) req.headers[k] = v;
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only proxy.ts may give a page its nonce.
    delete req.headers["x-nonce"];
    const path = pathnameOf(req);
    if (!isPlainGet(req)) return next(req, res);
    const route = routeOf(path);
    const key = req.url!;
    const hit = route?.render === "kept" ? pages.get(key) : undefined;
    if (hit) return sendKept(req, res, hit, "hit");
    // A HEAD has no body to keep, finish or tag: Next answers it as it is.
    if (req.method === "HEAD") return next(req, res);
    if (route ? route.body !== "html" && route.render !== "kept" : isFile(path)) return next(req, res);
    if (route?.render !== "kept") return sendBody(req, res, finished(await render(req, res), route), opts.times);

    const pending = rendering.get(key);
    if (pending) {
      const page = await pending.catch(() => null);
      if (page) return sendKept(req, res, page, "hit");
    }
    let settle!: (page: Kept | null) => void;
    rendering.set(key, new Promise((resolve) => (settle = resolve)));
    try {
      const captured = await render(req, res);
      const data = keepable(captured, route, opts.times);
      const page = data ? toKept(data) : null;
      settle(page);
      if (!data || !page) return sendBody(req, res, finished(captured, route), opts.times);
      pages.set(key, page);
      opts.onKeep?.(key, data);
      return sendKept(req, res, page, "miss");
    } catch (error) {
      settle(null);
      throw error;
    } finally {
      rendering.delete(key);
    }
  }

  return {
    handle,
    adopt: (url, page) => void pages.set(url, toKept(page)),
    size: () => ({ pages: pages.size, bytes: pages.calculatedSize }),
  };
}
