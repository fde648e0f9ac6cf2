import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRenderCache } from "@/lib/server/render-cache";
import { RENDER_FOR_CACHE_HEADER } from "@/lib/server/security";

// The page cache in front of Next, with a stand-in for Next's handler that streams its
// page the way Next does (status and headers, then chunks), and counts its renders.

const renders: { url: string; marker: string | undefined; acceptEncoding: string | undefined; nonce: string | undefined }[] = [];
// The framework's inline payload and file, which leave the server removed, and the page's own script, which stays.
const SCRIPT = "self.__next_f.push([1,'x'])";
const FRAMEWORK = `<script>${SCRIPT}</script><script src="/_next/static/chunks/a.js" async=""></script>`;
const OWN = "(function(){document.body.dataset.own='1'})()";

function fakeNext(req: IncomingMessage, res: ServerResponse) {
  renders.push({
    url: req.url!,
    marker: req.headers[RENDER_FOR_CACHE_HEADER] as string | undefined,
    acceptEncoding: req.headers["accept-encoding"] as string | undefined,
    nonce: req.headers["x-nonce"] as string | undefined,
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
const cache = createRenderCache(fakeNext, { maxBytes: 1024 * 1024, production: true, prerendered: new Set(["/pathways/newly-diagnosed"]) });

beforeAll(async () => {
  server = createServer((req, res) => void cache.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const rendersOf = (url: string) => renders.filter((r) => r.url === url).length;
const hash = (s: string) => createHash("sha256").update(s).digest("base64");

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

  it("renders with the process's marker and without compression, and compresses what it keeps", async () => {
    // fetch asks for gzip and unzips the body itself.
    const res = await fetch(`${origin}/search?q=gzip`, { headers: { "accept-encoding": "gzip" } });
    const render = renders.find((r) => r.url === "/search?q=gzip")!;
    expect(render.marker).toBe(cache.secret);
    expect(render.acceptEncoding).toBeUndefined();
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(await res.text()).toContain("<p>/search?q=gzip</p>");
    const plain = await fetch(`${origin}/search?q=gzip`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(Number(plain.headers.get("content-length"))).toBeGreaterThan(Number(res.headers.get("content-length")));
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
    expect(renders.find((r) => r.url === "/compare?h=a")!.marker).toBeUndefined();

    await fetch(`${origin}/hospitals?city=rsc`, { headers: { rsc: "1" } });
    await fetch(`${origin}/hospitals?city=rsc`, { headers: { rsc: "1" } });
    expect(rendersOf("/hospitals?city=rsc")).toBe(2);

    const redirect = await fetch(`${origin}/hospitals?redirect=1`, { redirect: "manual" });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("location")).toBe("/hospitals");
    await fetch(`${origin}/hospitals?redirect=1`, { redirect: "manual" });
    expect(rendersOf("/hospitals?redirect=1")).toBe(2);

    const missing = await fetch(`${origin}/search?missing=1`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-security-policy")).toContain(`'sha256-${hash(OWN)}'`);
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
    expect(rendersOf("/api/hospitals?page=99")).toBe(2);
  });

  it("sends prerendered pages with Next's headers, tagged and compressed once, and answers If-None-Match", async () => {
    const page = "/pathways/newly-diagnosed";
    const zipped = await fetch(`${origin}${page}`, { headers: { "accept-encoding": "gzip" } });
    const again = await fetch(`${origin}${page}?from=list`, { headers: { "accept-encoding": "gzip" } });
    const plain = await fetch(`${origin}${page}`, { headers: { "accept-encoding": "identity" } });
    const body = await plain.text();
    const etag = zipped.headers.get("etag")!;
    expect(etag).toBe(`"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`);
    expect(renders.filter((r) => r.url.startsWith(page)).map((r) => [r.marker, r.acceptEncoding])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(Number(zipped.headers.get("content-length"))).toBeLessThan(Number(plain.headers.get("content-length")) / 5);
    for (const r of [zipped, again, plain]) {
      expect(r.headers.get("content-security-policy")).toBe("script-src 'self' 'sha256-abc'");
      expect(r.headers.get("etag")).toBe(etag);
      expect(r.headers.get("vary")).toBe("rsc, Accept-Encoding");
      expect(r.headers.get("x-render-cache")).toBeNull();
    }
    expect(await again.text()).toBe(body);
    expect(body).toContain(`<script>${OWN}</script>`);
    expect(body).not.toContain(SCRIPT);
    expect(body).not.toContain("/_next/static/chunks/a.js");

    const unchanged = await fetch(`${origin}${page}`, { headers: { "accept-encoding": "gzip", "if-none-match": `"other", ${etag}` } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("etag")).toBe(etag);
    expect(await unchanged.text()).toBe("");
    const changed = await fetch(`${origin}${page}`, { headers: { "if-none-match": '"other"' } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe(body);
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
      // Next's own policy (a nonce on /compare) is kept: the page's scripts carry it.
      expect(plain.headers.get("content-security-policy")).toBe("script-src 'none'");
    }
  });

  it("leaves the framework on a server error's page, which React draws in the browser", async () => {
    for (const url of ["/compare?broken=1", "/hospitals?broken=1"]) {
      const res = await fetch(`${origin}${url}`);
      expect(res.status).toBe(500);
      expect(await res.text()).toContain(FRAMEWORK);
    }
  });

  it("streams API answers and files as Next writes them", async () => {
    const res = await fetch(`${origin}/api/hospitals/great-ormond-street`, { headers: { "accept-encoding": "gzip" } });
    expect(renders.find((r) => r.url === "/api/hospitals/great-ormond-street")!.acceptEncoding).toBe("gzip");
    expect(await res.json()).toEqual({ url: "/api/hospitals/great-ormond-street" });
  });

  it("ignores a client's own render marker and nonce", async () => {
    await fetch(`${origin}/compare?h=forged`, { headers: { [RENDER_FOR_CACHE_HEADER]: "guess", "x-nonce": "chosen" } });
    const render = renders.find((r) => r.url === "/compare?h=forged")!;
    expect(render.marker).toBeUndefined();
    expect(render.nonce).toBeUndefined();
  });
});
