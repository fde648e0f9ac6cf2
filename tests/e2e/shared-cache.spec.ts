import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, REPO, startServer, type RunningServer } from "./server-process";

// Debian's nginx as a caching reverse proxy in front of the production server, with the
// configuration README.md documents (docs/nginx.conf, only its two ports changed): what
// may be cached is, from nginx's cache; a content build and a restart show through it
// after max-age, by revalidation; a page with a nonce never is; and every page reaches the
// browser with a CSP that matches its own scripts.

// Debian installs it in /usr/sbin (package nginx, which .ci/run installs).
const NGINX = "/usr/sbin/nginx";
const MAX_AGE = 1;
const RENAMED = "Great Ormond Street Hospital for Children (renamed by the shared-cache test)";

test.describe.configure({ mode: "serial", timeout: 120_000 });

let dir: string;
let server: RunningServer;
let nginx: ChildProcess;
let edge: string;
let rebuilt: Promise<string>;
const statuses: string[] = [];

/** A GET through nginx: status, nginx's cache status, headers and body, as a browser asks. */
async function viaCache(url: string) {
  const res = await fetch(`${edge}${url}`, { headers: { "accept-encoding": "br, gzip" }, redirect: "manual" });
  const body = await res.text();
  const cache = res.headers.get("x-cache-status") ?? "";
  statuses.push(cache);
  return { status: res.status, cache, headers: res.headers, body };
}

/** The content build, into a store of its own, of a copy of content/ with one hospital renamed. */
function rebuildContent(): Promise<string> {
  const content = path.join(dir, "content");
  cpSync(path.join(REPO, "content"), content, { recursive: true });
  const file = path.join(content, "hospitals", "great-ormond-street.md");
  writeFileSync(file, readFileSync(file, "utf8").replace(/^name: .*$/m, `name: ${RENAMED}`));
  const out = path.join(dir, "rebuilt.db");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/content-build.ts", "--content", content, "--out", out, "--quiet"], {
      cwd: REPO,
      stdio: "pipe",
    });
    let output = "";
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`The content build failed:\n${output}`))));
  });
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "csd-nginx-"));
  // nginx's workers run as another user when it is started as root.
  chmodSync(dir, 0o755);
  mkdirSync(path.join(dir, "tmp"));
  rebuilt = rebuildContent();
  server = await startServer({ CACHE_MAX_AGE: String(MAX_AGE), WEB_CONCURRENCY: "1" });
  const port = await freePort();
  const conf = readFileSync(path.join(REPO, "docs", "nginx.conf"), "utf8")
    .replace("server 127.0.0.1:3000;", `server 127.0.0.1:${server.port};`)
    .replace("listen 127.0.0.1:8080;", `listen 127.0.0.1:${port};`);
  expect(conf).toContain(`server 127.0.0.1:${server.port};`);
  writeFileSync(path.join(dir, "nginx.conf"), conf);
  const check = spawnSync(NGINX, ["-t", "-q", "-p", dir, "-e", "error.log", "-c", "nginx.conf"], { encoding: "utf8" });
  expect(check.status, check.stderr).toBe(0);
  nginx = spawn(NGINX, ["-p", dir, "-e", "error.log", "-c", "nginx.conf", "-g", "daemon off;"], { stdio: "ignore" });
  edge = `http://127.0.0.1:${port}`;
  await expect
    .poll(() =>
      fetch(`${edge}/robots.txt`).then(
        (r) => r.status,
        () => 0,
      ),
    )
    .toBe(200);
});

test.afterAll(async () => {
  nginx?.kill("SIGQUIT");
  await server?.stop();
  await rebuilt?.catch(() => undefined);
  console.log(`nginx cache statuses: ${JSON.stringify(statuses.reduce<Record<string, number>>((n, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {}))}`);
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64");

/** Every inline script of the page is allowed by its CSP: by hash, or by carrying the policy's nonce. */
function expectCspMatches(body: string, csp: string | null, url: string) {
  expect(csp, url).toBeTruthy();
  const nonce = csp!.match(/'nonce-([^']+)'/)?.[1];
  const inline = [...body.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=|application\/ld\+json/.test(m[1] ?? "") && m[2] !== "");
  for (const m of inline) {
    if (nonce) expect(m[1] ?? "", url).toContain(`nonce="${nonce}"`);
    else expect(csp, url).toContain(`'sha256-${sha256(m[2])}'`);
  }
}

const CACHED = [
  "/about",
  "/hospitals/great-ormond-street",
  "/hospitals?city=london",
  "/search?q=rhabdomyosarcoma",
  "/api/hospitals?city=london",
  "/favicon.ico",
];

test("pages anyone may see are served from nginx's cache, with CSPs that match them", async () => {
  for (const url of CACHED) {
    const first = await viaCache(url);
    expect(first.status, url).toBe(200);
    expect(first.cache, url).toBe("MISS");
    const second = await viaCache(url);
    expect(second.cache, url).toBe("HIT");
    expect(second.body, url).toBe(first.body);
    expect(second.headers.get("etag"), url).toBe(first.headers.get("etag"));
    if (first.headers.get("content-type")?.startsWith("text/html")) {
      expectCspMatches(second.body, second.headers.get("content-security-policy"), url);
      expect(second.headers.get("content-encoding"), url).toBe("br");
    }
  }
  // A client that takes only gzip gets its own copy (Vary: Accept-Encoding), cached too.
  const gzip = async () => fetch(`${edge}/about`, { headers: { "accept-encoding": "gzip" } });
  expect((await gzip()).headers.get("content-encoding")).toBe("gzip");
  const again = await gzip();
  expect([again.headers.get("content-encoding"), again.headers.get("x-cache-status")]).toEqual(["gzip", "HIT"]);
});

test("a page with a per-request nonce is never cached, and each copy's scripts carry its own nonce", async () => {
  const pages = [];
  for (let i = 0; i < 3; i++) pages.push(await viaCache("/compare?h=great-ormond-street"));
  const nonces = new Set<string>();
  for (const p of pages) {
    expect(p.status).toBe(200);
    expect(p.cache).not.toBe("HIT");
    expect(p.headers.get("cache-control")).toBe("private, no-store");
    const csp = p.headers.get("content-security-policy");
    expectCspMatches(p.body, csp, "/compare");
    nonces.add(csp!.match(/'nonce-([^']+)'/)![1]);
  }
  expect(nonces.size).toBe(3);
});

test("in a browser, no page through the cache breaks its policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) violations.push(m.text());
  });
  for (const url of ["/hospitals?city=london", "/hospitals?city=london", "/compare?h=great-ormond-street", "/about"]) await page.goto(`${edge}${url}`);
  expect(violations).toEqual([]);
});

test("after a content build and a restart, nginx revalidates: the changed page is replaced, the rest answered 304", async () => {
  const store = await rebuilt;
  const before = await viaCache("/hospitals?city=london");
  expect(before.body).not.toContain(RENAMED);
  await server.stop();
  server = await startServer({ CACHE_MAX_AGE: String(MAX_AGE), WEB_CONCURRENCY: "1", DATABASE_PATH: store }, server.port);
  // Past max-age, every cached page is stale.
  await new Promise((r) => setTimeout(r, MAX_AGE * 1000 + 1100));

  const changed = await viaCache("/hospitals?city=london");
  expect(changed.cache).toBe("EXPIRED");
  expect(changed.body).toContain(RENAMED);
  expect(changed.headers.get("etag")).not.toBe(before.headers.get("etag"));
  expectCspMatches(changed.body, changed.headers.get("content-security-policy"), "/hospitals?city=london");
  const unchanged = await viaCache("/about");
  expect(unchanged.cache).toBe("REVALIDATED");
  const afterwards = await viaCache("/hospitals?city=london");
  expect(afterwards.cache).toBe("HIT");
  expect(afterwards.body).toBe(changed.body);
});
