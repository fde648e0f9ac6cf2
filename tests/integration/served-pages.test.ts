import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServedManifest } from "@/lib/server/build-output";
import { etagOf } from "@/lib/server/encoding";
import { loadServedPages } from "@/lib/server/served-pages";

// The prerendered pages and files as the server sends them from memory, from a build
// step's output made here.

const dir = mkdtempSync(path.join(tmpdir(), "csd-served-"));
const page = Buffer.from(`<!doctype html><p>${"About this directory. ".repeat(100)}</p>`);
const css = Buffer.from("body{color:#111}".repeat(50));
const files = { page, "page.gz": gzipSync(page), "page.br": brotliCompressSync(page), css, "css.br": brotliCompressSync(css), "css.gz": gzipSync(css) };
for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
const manifest: ServedManifest = {
  format: 1,
  buildId: "test",
  pages: [
    {
      path: "/about",
      route: "/about",
      status: 200,
      contentType: "text/html; charset=utf-8",
      scriptHashes: ["abc="],
      etag: etagOf(page),
      files: { identity: "page", gzip: "page.gz", br: "page.br" },
    },
    {
      path: "/_next/static/chunks/a.css",
      route: "/_next/static/",
      status: 200,
      contentType: "text/css; charset=utf-8",
      scriptHashes: null,
      etag: etagOf(css),
      files: { identity: "css", gzip: "css.gz", br: "css.br" },
    },
    {
      path: "/_not-found",
      route: "/_not-found",
      status: 404,
      contentType: "text/html; charset=utf-8",
      scriptHashes: [],
      etag: etagOf(page),
      files: { identity: "page" },
    },
  ],
};
const served = loadServedPages(manifest, dir, { maxAge: 300, staleWhileRevalidate: 3600 });

let server: Server;
let origin: string;
let passed: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    if (served.send(req, res)) return;
    passed.push(req.url!);
    res.end("passed on");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("prerendered pages from memory", () => {
  it("sends each client the encoding it takes, with the page's CSP, caching headers and ETag", async () => {
    const br = await fetch(`${origin}/about`, { headers: { "accept-encoding": "gzip, br" } });
    const gzip = await fetch(`${origin}/about`, { headers: { "accept-encoding": "gzip" } });
    const plain = await fetch(`${origin}/about`, { headers: { "accept-encoding": "identity" } });
    expect([br, gzip, plain].map((r) => r.headers.get("content-encoding"))).toEqual(["br", "gzip", null]);
    expect(Number(br.headers.get("content-length"))).toBe(files["page.br"].length);
    for (const r of [br, gzip, plain]) {
      expect(await r.text()).toBe(page.toString());
      expect(r.headers.get("etag")).toBe(etagOf(page));
      expect(r.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=3600");
      expect(r.headers.get("vary")).toBe("Accept-Encoding");
      expect(r.headers.get("content-security-policy")).toContain("script-src 'self' 'sha256-abc='");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("answers If-None-Match with 304 and a HEAD without a body", async () => {
    const unchanged = await fetch(`${origin}/about`, { headers: { "if-none-match": etagOf(page) } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("etag")).toBe(etagOf(page));
    const head = await fetch(`${origin}/about`, { method: "HEAD", headers: { "accept-encoding": "br" } });
    expect([head.status, head.headers.get("content-length"), await head.text()]).toEqual([200, String(files["page.br"].length), ""]);
  });

  it("sends Next's built files as immutable", async () => {
    const res = await fetch(`${origin}/_next/static/chunks/a.css`, { headers: { "accept-encoding": "br" } });
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await res.text()).toBe(css.toString());
  });

  it("leaves a query string, a React data request, another method and Next's own pages to Next", async () => {
    passed = [];
    await fetch(`${origin}/about?from=list`);
    await fetch(`${origin}/about`, { headers: { rsc: "1" } });
    await fetch(`${origin}/about`, { method: "POST", body: "x" });
    await fetch(`${origin}/_not-found`);
    await fetch(`${origin}/elsewhere`);
    expect(passed).toEqual(["/about?from=list", "/about", "/about", "/_not-found", "/elsewhere"]);
  });
});
