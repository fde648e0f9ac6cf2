import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// What the production server reads from `npm run build`'s output, checked before it
// starts: a file that is missing, or not of the shape this code expects, stops the server
// with the file's name, what is wrong and what to run, instead of a server that quietly
// serves the wrong CSP or skips its page store.
//
// Two of these files are Next's own (.next/prerender-manifest.json and
// .next/required-server-files.json). Their format is not a public API, so only the fields
// used here are read, and tests/e2e/production-server.spec.ts checks them against the
// real build: an upgrade of Next that changes them fails there, not in production.

export const BUILD_DIR = ".next";

/** The prerendered pages as scripts/prepare-pages.ts writes them, in .next/served/. */
export const SERVED_DIR = "served";
export const SERVED_MANIFEST = "pages.json";
export const SERVED_FORMAT = 1;

const servedPage = z.object({
  /** The URL path, as a request asks for it. */
  path: z.string().startsWith("/"),
  /** Its route in lib/server/routes.ts (or PUBLIC_ROUTE for a file of public/). */
  route: z.string().min(1),
  status: z.number().int(),
  contentType: z.string().min(1),
  /** The SHA-256 of each inline script the page runs, for its CSP; null for a file that is not HTML. */
  scriptHashes: z.array(z.string()).nullable(),
  etag: z.string().regex(/^W\/"[^"]+"$/),
  /** File names in the served folder: the body as sent, and its compressed copies. */
  files: z.object({ identity: z.string(), gzip: z.string().optional(), br: z.string().optional() }),
});

export const servedManifestSchema = z.object({
  format: z.literal(SERVED_FORMAT),
  buildId: z.string().min(1),
  pages: z.array(servedPage),
});

export type ServedPage = z.infer<typeof servedPage>;
export type ServedManifest = z.infer<typeof servedManifestSchema>;

/** The part of Next's prerender manifest this project reads (Next 16). */
export const prerenderManifestSchema = z.object({
  version: z.literal(4),
  routes: z.record(
    z.string(),
    z.object({
      initialRevalidateSeconds: z.union([z.number(), z.literal(false)]),
      srcRoute: z.string().nullable(),
    }),
  ),
});

export type PrerenderManifest = z.infer<typeof prerenderManifestSchema>;

/** The part of .next/required-server-files.json read here: the configuration next build resolved. */
export const requiredServerFilesSchema = z.object({
  config: z.looseObject({ distDir: z.string(), basePath: z.string() }),
});

/** A build artefact the server cannot use; its message names the file and what to run. */
export class BuildOutputError extends Error {
  constructor(problems: string[]) {
    super(
      `The production server cannot start: the build output is incomplete or from another version.\n${problems.map((p) => `  - ${p}`).join("\n")}\nRun \`npm run build\`, then \`npm start\` again.`,
    );
    this.name = "BuildOutputError";
  }
}

/** Reads and checks one JSON artefact; a problem is added to `problems` and null returned. */
export function readArtefact<T>(dir: string, file: string, schema: z.ZodType<T>, what: string, problems: string[]): T | null {
  const full = path.join(dir, file);
  const shown = path.join(BUILD_DIR, file);
  if (!existsSync(full)) {
    problems.push(`${shown} (${what}) is missing.`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(full, "utf8"));
  } catch (error) {
    problems.push(`${shown} (${what}) is not JSON: ${(error as Error).message}.`);
    return null;
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`);
    problems.push(`${shown} (${what}) is not of the shape this server expects: ${issues.join("; ")}.`);
    return null;
  }
  return result.data;
}

export type BuildOutput = {
  buildId: string;
  /** next build's resolved configuration, handed to next() so starting does not compile next.config.ts. */
  nextConfig: Record<string, unknown>;
  served: ServedManifest;
  /** The folder the served pages' files are in. */
  servedDir: string;
};

/** Everything the server reads from the build, checked; throws BuildOutputError listing every problem. */
export function loadBuildOutput(root = process.cwd()): BuildOutput {
  const dir = path.join(root, BUILD_DIR);
  const problems: string[] = [];
  const files = readArtefact(dir, "required-server-files.json", requiredServerFilesSchema, "the configuration next build resolved", problems);
  const served = readArtefact(
    dir,
    path.join(SERVED_DIR, SERVED_MANIFEST),
    servedManifestSchema,
    "the prerendered pages as served, written by scripts/prepare-pages.ts after next build",
    problems,
  );
  const prerendered = readArtefact(dir, "prerender-manifest.json", prerenderManifestSchema, "next build's list of prerendered pages", problems);
  const buildIdFile = path.join(dir, "BUILD_ID");
  const buildId = existsSync(buildIdFile) ? readFileSync(buildIdFile, "utf8").trim() : null;
  if (!buildId) problems.push(`${path.join(BUILD_DIR, "BUILD_ID")} (next build's build ID) is missing.`);
  const servedDir = path.join(dir, SERVED_DIR);
  if (served && buildId && served.buildId !== buildId)
    problems.push(`${path.join(BUILD_DIR, SERVED_DIR, SERVED_MANIFEST)} is from build ${served.buildId}, not this build (${buildId}).`);
  if (served) {
    const absent = served.pages.flatMap((p) => Object.values(p.files)).filter((f) => !existsSync(path.join(servedDir, f)));
    if (absent.length)
      problems.push(`${absent.length} file(s) listed in ${path.join(BUILD_DIR, SERVED_DIR, SERVED_MANIFEST)} are missing, such as ${absent[0]}.`);
  }
  if (served && prerendered) {
    const have = new Set(served.pages.map((p) => p.path));
    const unserved = Object.keys(prerendered.routes).filter((p) => !have.has(p));
    if (unserved.length)
      problems.push(`${unserved.length} prerendered page(s), such as ${unserved[0]}, are not in ${path.join(BUILD_DIR, SERVED_DIR, SERVED_MANIFEST)}.`);
  }
  if (problems.length || !files || !served || !buildId) throw new BuildOutputError(problems);
  return { buildId, nextConfig: files.config, served, servedDir };
}
