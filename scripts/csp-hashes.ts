// Runs after `next build` (npm's postbuild): hashes every inline script in every
// prerendered page as the production server sends it (without the framework's scripts,
// lib/server/framework-scripts.ts), so proxy.ts can send a hash-based CSP for static pages
// without making them render per request. Writes .next/csp-hashes.json:
// { "/path": ["base64", ...] }.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withoutFrameworkScripts } from "../lib/server/framework-scripts";
import { inlineScriptHashes } from "../lib/server/security";

const APP = path.join(".next", "server", "app");

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? htmlFiles(full) : d.name.endsWith(".html") ? [full] : [];
  });
}

function routeOf(file: string): string {
  const rel = path
    .relative(APP, file)
    .replace(/\\/g, "/")
    .replace(/\.html$/, "");
  if (rel === "index") return "/";
  return `/${rel}`;
}

const map: Record<string, string[]> = {};
for (const file of htmlFiles(APP)) map[routeOf(file)] = inlineScriptHashes(withoutFrameworkScripts(readFileSync(file, "utf8")));
writeFileSync(path.join(".next", "csp-hashes.json"), JSON.stringify(map));
console.log(`CSP: hashed the inline scripts of ${Object.keys(map).length} prerendered pages.`);
