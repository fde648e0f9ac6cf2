import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRenderCache, type KeptPage } from "@/lib/server/render-cache";

// The page cache in front of Next, with a stand-in for Next's handler that streams its
// page the way Next does (status and headers, then chunks), and counts its renders.

const renders: { url: string; acceptEncoding: string | undefined; nonce: string | undefined; ifNoneMatch: string | undefined }[] = [];
// The framework's inline payload and file, which leave the server removed, and the page's own script, which stays.
const SCRIPT = "self.__next_f.push([1,'x'])";
const FRAMEWORK = `<script>${SCRIPT}</script><script src="/_next/static/chunks/a.js" async=""></script>`;
const OWN = "(function(){document.body.dataset.own='1'})()";

function fakeNext(req: IncomingMessage, res: ServerResponse) {
  renders.push({
    url: req.url!,
    acceptEncoding: req.headers["accept-encoding"] as string | undefined,
    nonce: req.headers["x-nonce"] as string | undefined,
    ifNoneMatch: req.headers["if-none-match"] as string | undefined,
  });
  if (req.url!.startsWith("/api/")) {
    res.statusCode = req.url!.includes("page=99") ? 400 : 200;
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ url: req.url }));
    return;
  }
  if (req.url!.startsWith("/pathways/")) {
    // A prerendered page: Next sends it whole (with generateEtags off, untagged).
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Vary", "rsc");
    res.setHeader("Content-Security-Policy", "script-src 'self' 'sha256-abc'");
    res.end(`<!doctype html><p>${"A long prerendered page. ".repeat(200)}</p>${FRAMEWORK}<script>${OWN}</script>`);
    return;
  }
  if (req.url!.includes("redirect")) {
    res.writeHead(307, { Location: "/hospitals" });
    res.end();
    return;
  }
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Security-Policy", "script-src 'none'");
  res.statusCode = req.url!.includes("missing") ? 404 : req.url!.includes("broken") ? 500 : 200;
  res.write(`<!doctype html><html><body><p>${req.url}</p><p>${"Padding so the page compresses. ".repeat(40)}</p>`);
  setTimeout(() => {
    res.write(Buffer.from(`${FRAMEWORK}<script>${OWN}</script>`));
    res.end("</body></html>");
  }, 5);
}

let server: Server;
let origin: string;
const shared: { url: string; page: KeptPage }[] = [];
const times = { maxAge: 300, staleWhileRevalidate: 3600 };
const cache = createRenderCache(fakeNext, { maxBytes: 1024 * 1024, times, onKeep: (url, page) => shared.push({ url, page }) });

beforeAll(async () => {
  server = createServer((req, res) => void cache.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const rendersOf = (url: string) => renders.filter((r) => r.url === url).length;
const hash = (s: string) => createHash("sha256").update(s).digest("base64");

const weakEtag = (body: string) => `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

describe("the page cache", () => {
  it("renders a listing URL once, then answers it from memory with its scripts' hashes", async () => {
    const first = await fetch(`${origin}/hospitals?city=leeds`);
    const second = await fetch(`${origin}/hospitals?city=leeds`);
    expect([first.headers.get("x-render-cache"), second.headers.get("x-render-cache")]).toEqual(["miss", "hit"]);
    const body = await second.text();
    expect(body).toBe(await first.text());
    expect(rendersOf("/hospitals?city=leeds")).toBe(1);
    expect(body).toContain(`<script>${OWN}</script>`);
    expect(body).not.toContain(SCRIPT);
    expect(body).not.toContain("/_next/static/chunks/a.js");
    const csp = second.headers.get("content-security-policy")!;
    expect(csp).toContain(`'sha256-${hash(OWN)}'`);
    expect(csp).not.toContain(`'sha256-${hash(SCRIPT)}'`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("script-src 'none'");
  });

  it("gives what it keeps a shared cache's headers: bounded freshness, the body's ETag, Vary", async () => {
    const res = await fetch(`${origin}/hospitals?city=bath`);
    const body = await res.text();
    expect(res.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=3600");
    expect(res.headers.get("etag")).toBe(weakEtag(body));
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    const again = await fetch(`${origin}/hospitals?city=bath`, { headers: { "if-none-match": res.headers.get("etag")! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(res.headers.get("etag"));
    expect(await again.text()).toBe("");
    expect(rendersOf("/hospitals?city=bath")).toBe(1);
  });

  it("renders without compression or the client's validator, and sends brotli, gzip or neither from what it keeps", async () => {
    const res = await fetch(`${origin}/search?q=zip`, { headers: { "accept-encoding": "gzip", "if-none-match": '"stale"' } });
    const render = renders.find((r) => r.url === "/search?q=zip")!;
    expect([render.acceptEncoding, render.ifNoneMatch]).toEqual([undefined, undefined]);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const text = await res.text();
    expect(text).toContain("<p>/search?q=zip</p>");
    const br = await fetch(`${origin}/search?q=zip`, { headers: { "accept-encoding": "gzip;q=0.5, br" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    const plain = await fetch(`${origin}/search?q=zip`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(text);
    expect(Number(plain.headers.get("content-length"))).toBeGreaterThan(Number(res.headers.get("content-length")));
    expect(rendersOf("/search?q=zip")).toBe(1);
  });

  it("shares what it keeps, and answers from a page another worker kept", async () => {
    await fetch(`${origin}/hospitals?city=hull`);
    const sent = shared.find((s) => s.url === "/hospitals?city=hull")!;
    expect(brotliDecompressSync(sent.page.br).toString()).toContain("<p>/hospitals?city=hull</p>");
    cache.adopt("/hospitals?city=elsewhere", { ...sent.page });
    const adopted = await fetch(`${origin}/hospitals?city=elsewhere`);
    expect(adopted.headers.get("x-render-cache")).toBe("hit");
    expect(await adopted.text()).toContain("<p>/hospitals?city=hull</p>");
    expect(rendersOf("/hospitals?city=elsewhere")).toBe(0);
  });

  it("keeps no page from a HEAD, and answers a HEAD from a kept page", async () => {
    const head = await fetch(`${origin}/hospitals?city=head`, { method: "HEAD" });
    expect(head.headers.get("x-render-cache")).toBeNull();
    const get = await fetch(`${origin}/hospitals?city=head`);
    expect(get.headers.get("x-render-cache")).toBe("miss");
    expect(await get.text()).toContain("<p>/hospitals?city=head</p>");
    const again = await fetch(`${origin}/hospitals?city=head`, { method: "HEAD" });
    expect([again.status, again.headers.get("x-render-cache"), again.headers.get("etag")]).toEqual([200, "hit", get.headers.get("etag")]);

    // Any other HEAD goes to Next as it came: nothing is rendered whole to tag an empty body.
    await fetch(`${origin}/compare?h=head`, { method: "HEAD", headers: { "accept-encoding": "br" } });
    expect(renders.find((r) => r.url === "/compare?h=head")!.acceptEncoding).toBe("br");
  });

  it("lets concurrent first requests for a URL share one render", async () => {
    const bodies = await Promise.all(Array.from({ length: 8 }, () => fetch(`${origin}/hospitals?city=york`).then((r) => r.text())));
    expect(new Set(bodies).size).toBe(1);
    expect(rendersOf("/hospitals?city=york")).toBe(1);
  });

  it("passes other pages, data requests, redirects and errors through uncached", async () => {
    await fetch(`${origin}/compare?h=a`);
    await fetch(`${origin}/compare?h=a`);
    expect(rendersOf("/compare?h=a")).toBe(2);

    await fetch(`${origin}/hospitals?city=rsc`, { headers: { rsc: "1" } });
    await fetch(`${origin}/hospitals?city=rsc`, { headers: { rsc: "1" } });
    expect(rendersOf("/hospitals?city=rsc")).toBe(2);

    const redirect = await fetch(`${origin}/hospitals?redirect=1`, { redirect: "manual" });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("location")).toBe("/hospitals");
    expect(redirect.headers.get("cache-control")).toBe("private, no-store");
    await fetch(`${origin}/hospitals?redirect=1`, { redirect: "manual" });
    expect(rendersOf("/hospitals?redirect=1")).toBe(2);

    const missing = await fetch(`${origin}/search?missing=1`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-security-policy")).toContain(`'sha256-${hash(OWN)}'`);
    expect(missing.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await missing.text()).not.toContain(SCRIPT);
  });

  it("keeps the listing's JSON too, but not a refusal", async () => {
    await fetch(`${origin}/api/hospitals?city=leeds`);
    const again = await fetch(`${origin}/api/hospitals?city=leeds`);
    expect(again.headers.get("x-render-cache")).toBe("hit");
    expect(await again.json()).toEqual({ url: "/api/hospitals?city=leeds" });
    expect(rendersOf("/api/hospitals?city=leeds")).toBe(1);
    const refused = await fetch(`${origin}/api/hospitals?page=99`);
    await fetch(`${origin}/api/hospitals?page=99`);
    expect(refused.status).toBe(400);
    expect(refused.headers.get("cache-control")).toBe("private, no-store");
    expect(rendersOf("/api/hospitals?page=99")).toBe(2);
  });

  it("sends a prerendered route's page that was not served from memory (a query string) as a shared page with its own hashes", async () => {
    const res = await fetch(`${origin}/pathways/newly-diagnosed?from=list`, { headers: { "accept-encoding": "br" } });
    const body = await res.text();
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=3600");
    expect(res.headers.get("etag")).toBe(weakEtag(body));
    expect(res.headers.get("content-security-policy")).toContain(`'sha256-${hash(OWN)}'`);
    expect(res.headers.get("content-security-policy")).not.toContain("sha256-abc");
    expect(body).not.toContain(SCRIPT);
  });

  it('sends pages rendered per request and "not found" pages without the framework, compressed here', async () => {
    for (const url of ["/compare?h=b", "/no-such-page"]) {
      const zipped = await fetch(`${origin}${url}`, { headers: { "accept-encoding": "gzip" } });
      const plain = await fetch(`${origin}${url}`, { headers: { "accept-encoding": "identity" } });
      expect(renders.filter((r) => r.url === url).map((r) => r.acceptEncoding)).toEqual([undefined, undefined]);
      expect(zipped.headers.get("content-encoding")).toBe("gzip");
      expect(plain.headers.get("content-encoding")).toBeNull();
      const body = await plain.text();
      expect(Number(plain.headers.get("content-length"))).toBe(Buffer.byteLength(body));
      expect(await zipped.text()).toBe(body);
      expect(body).toContain(`<p>${url}</p>`);
      expect(body).toContain(`<script>${OWN}</script>`);
      expect(body).not.toContain(SCRIPT);
    }
    // A per-request page keeps the policy it was rendered with (proxy.ts's nonce), and no shared cache stores it.
    const compare = await fetch(`${origin}/compare?h=b`);
    expect(compare.headers.get("content-security-policy")).toBe("script-src 'none'");
    expect(compare.headers.get("cache-control")).toBe("private, no-store");
    const missing = await fetch(`${origin}/no-such-page`);
    expect(missing.headers.get("content-security-policy")).toContain(`'sha256-${hash(OWN)}'`);
  });

  it("leaves the framework on a server error's page, which React draws in the browser, and lets its scripts run", async () => {
    for (const url of ["/compare?broken=1", "/hospitals?broken=1"]) {
      const res = await fetch(`${origin}${url}`);
      expect(res.status).toBe(500);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(await res.text()).toContain(FRAMEWORK);
    }
    expect((await fetch(`${origin}/hospitals?broken=1`)).headers.get("content-security-policy")).toContain(`'sha256-${hash(SCRIPT)}'`);
  });

  it("streams Next's files as Next writes them", async () => {
    const res = await fetch(`${origin}/_next/static/chunks/a.css`, { headers: { "accept-encoding": "gzip" } });
    expect(renders.find((r) => r.url === "/_next/static/chunks/a.css")!.acceptEncoding).toBe("gzip");
    expect(res.status).toBe(200);
  });

  it("ignores a client's own nonce", async () => {
    await fetch(`${origin}/compare?h=forged`, { headers: { "x-nonce": "chosen" } });
    expect(renders.find((r) => r.url === "/compare?h=forged")!.nonce).toBeUndefined();
  });
});
