// Runs after `next build` (npm's postbuild): turns every page next build prerendered into
// what the production server sends from memory (server.ts, lib/server/render-cache.ts):
// the HTML without the framework's scripts (lib/server/framework-scripts.ts), the SHA-256
// of each inline script it runs (its CSP), a weak ETag of its bytes, and its gzip and
// brotli copies, compressed once here at high levels. The files of public/ and Next's built files join them. Writes .next/served/pages.json
// and the bodies beside it.
//
// Checks the build against the route table (lib/server/routes.ts) on the way: a route
// Next prerendered that the table says is rendered on demand, or one the table says is
// prerendered that Next did not prerender (a page that started reading the request), stops
// the build here, not in production.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import {
  BUILD_DIR,
  prerenderManifestSchema,
  readArtefact,
  SERVED_DIR,
  SERVED_FORMAT,
  SERVED_MANIFEST,
  type ServedManifest,
  type ServedPage,
} from "../lib/server/build-output";
import { compressible, etagOf } from "../lib/server/encoding";
import { withoutFrameworkScripts } from "../lib/server/framework-scripts";
import { NEXT_STATIC_ROUTE, PUBLIC_ROUTE, ROUTES, routeOf } from "../lib/server/routes";
import { inlineScriptHashes } from "../lib/server/security";

const started = performance.now();
const APP = path.join(BUILD_DIR, "server", "app");
const OUT = path.join(BUILD_DIR, SERVED_DIR);

const problems: string[] = [];
const manifest = readArtefact(BUILD_DIR, "prerender-manifest.json", prerenderManifestSchema, "next build's list of prerendered pages", problems);
if (!manifest) fail(problems);

function fail(lines: string[]): never {
  console.error(`Preparing the prerendered pages failed:\n${lines.map((l) => `  - ${l}`).join("\n")}`);
  process.exit(1);
}

// Every prerendered path, with its route in the table.
const pages: { path: string; route: string; file?: string; type?: string }[] = [];
for (const [urlPath, entry] of Object.entries(manifest.routes)) {
  if (entry.initialRevalidateSeconds !== false) {
    problems.push(`${urlPath} is prerendered with revalidation, which the server does not support (it keeps pages until the next build).`);
    continue;
  }
  const route = entry.srcRoute ?? urlPath;
  const table = ROUTES.find((r) => r.route === route) ?? routeOf(urlPath);
  if (!table) problems.push(`${urlPath} (route ${route}) is prerendered but missing from lib/server/routes.ts.`);
  else if (table.render !== "prerendered")
    problems.push(`${urlPath}: next build prerendered it, but lib/server/routes.ts says route ${table.route} is "${table.render}".`);
  else pages.push({ path: urlPath, route: table.route });
}
for (const r of ROUTES.filter((x) => x.render === "prerendered")) {
  if (!pages.some((p) => p.route === r.route))
    problems.push(`lib/server/routes.ts says ${r.route} is prerendered, but next build did not prerender it (does it read the request now?).`);
}
if (problems.length) fail(problems);

type Meta = { status?: number; headers?: Record<string, string> };
const readMeta = (file: string): Meta => JSON.parse(readFileSync(file, "utf8")) as Meta;
const fileBase = (urlPath: string) => path.join(APP, urlPath === "/" ? "index" : urlPath.slice(1));

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

// Files are served the same way, from memory: those of public/ (icons, the web app
// manifest) and Next's own built files (the stylesheet; scripts only a server error's page uses).
const FILE_TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join("/"));
for (const f of filesIn("public")) {
  const type = FILE_TYPES[path.extname(f)];
  if (!type) problems.push(`public/${f}: no content type for ${path.extname(f) || "a file without an extension"} in scripts/prepare-pages.ts.`);
  else pages.push({ path: `/${f}`, route: PUBLIC_ROUTE, file: path.join("public", f), type });
}
// A built file of a type not listed is left to Next, which serves them all.
const STATIC = path.join(BUILD_DIR, "static");
for (const f of filesIn(STATIC)) {
  const type = FILE_TYPES[path.extname(f)];
  if (type) pages.push({ path: `${NEXT_STATIC_ROUTE}${f}`, route: NEXT_STATIC_ROUTE, file: path.join(STATIC, f), type });
}
if (problems.length) fail(problems);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

let raw = 0;
let sent = 0;
async function prepare(page: (typeof pages)[number], index: number): Promise<ServedPage> {
  const base = fileBase(page.path);
  const meta = page.file ? {} : readMeta(`${base}.meta`);
  const isHtml = !page.file && ROUTES.find((r) => r.route === page.route)!.body === "html";
  let body: Buffer;
  let contentType: string;
  let scriptHashes: string[] | null = null;
  if (isHtml) {
    const html = readFileSync(`${base}.html`, "utf8");
    raw += Buffer.byteLength(html);
    const stripped = withoutFrameworkScripts(html);
    body = Buffer.from(stripped, "utf8");
    contentType = "text/html; charset=utf-8";
    scriptHashes = inlineScriptHashes(stripped);
  } else if (page.file) {
    body = readFileSync(page.file);
    raw += body.length;
    contentType = page.type!;
  } else {
    body = readFileSync(`${base}.body`);
    raw += body.length;
    contentType = meta.headers?.["content-type"] ?? "application/octet-stream";
  }
  sent += body.length;
  const name = String(index);
  const files: ServedPage["files"] = { identity: `${name}.body` };
  writeFileSync(path.join(OUT, files.identity), body);
  if (compressible(contentType)) {
    const [gz, br] = await Promise.all([
      gzipAsync(body, { level: 9 }),
      brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    ]);
    writeFileSync(path.join(OUT, (files.gzip = `${name}.gz`)), gz);
    writeFileSync(path.join(OUT, (files.br = `${name}.br`)), br);
  }
  return { path: page.path, route: page.route, status: meta.status ?? 200, contentType, scriptHashes, etag: etagOf(body), files };
}

// Compressed on the thread pool, a few at a time, so every core works.
const served: ServedPage[] = new Array(pages.length);
let next = 0;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (next < pages.length) {
      const i = next++;
      served[i] = await prepare(pages[i], i);
    }
  }),
);

const out: ServedManifest = { format: SERVED_FORMAT, buildId: readFileSync(path.join(BUILD_DIR, "BUILD_ID"), "utf8").trim(), pages: served };
writeFileSync(path.join(OUT, SERVED_MANIFEST), JSON.stringify(out));
console.log(
  `Prepared ${served.length} prerendered pages in ${((performance.now() - started) / 1000).toFixed(1)} s: ${(raw / 2 ** 20).toFixed(1)} MB as built, ${(sent / 2 ** 20).toFixed(1)} MB as sent, with gzip and brotli copies.`,
);
