// A production build to measure, isolated from the working copy, and the servers run from it.
//
// The site is built in a snapshot under bench/tmp/site/ rather than in ./.next: other
// tools (the e2e tests, a developer's `next start`) build and serve ./.next, and a
// rebuild under a running server breaks it. The snapshot is what `npm run build` sees:
// every file of the working tree (or of HEAD, with --source head) except build products
// and node_modules, which Node and Turbopack find one level up in the repository, so the
// dependencies are exactly the project's. `npm run build` (content build, next build and
// any pre/post steps) runs there unchanged. A fingerprint of the snapshot's files says
// whether an earlier build can be reused.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const REPO = path.resolve(import.meta.dirname, "..", "..");
export const BENCH_TMP = path.join(REPO, "bench", "tmp");
export const SITE_DIR = path.join(BENCH_TMP, "site");
const STAMP = ".bench-build.json";

/** Top-level entries never copied: build products, dependencies, VCS data and bench output. */
const EXCLUDE = new Set([
  ".git",
  ".next",
  "node_modules",
  "bench",
  "data",
  "out",
  "test-results",
  "playwright-report",
  "tsconfig.tsbuildinfo",
  // Without a lockfile in the snapshot, Next takes the repository as the project root, so
  // Turbopack may read ../../node_modules.
  "package-lock.json",
]);
const EXCLUDE_ANYWHERE = new Set(["node_modules", ".next", ".git"]);
/** The measuring scripts themselves: not part of the site, so editing them needs no rebuild. */
const MEASUREMENT = ["scripts/bench", "scripts/bench.ts", "scripts/lighthouse.ts"];

export type Source = "worktree" | "head";

function run(cmd: string, args: string[], opts: { cwd: string; input?: Buffer }): Buffer {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, input: opts.input, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr?.toString().slice(-2000)}`);
  return r.stdout;
}

function gitInfo(): { commit: string | null; dirty: string[] } {
  const r = spawnSync("git", ["rev-parse", "HEAD"], { cwd: REPO });
  if (r.status !== 0) return { commit: null, dirty: [] };
  const status = spawnSync("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: REPO }).stdout.toString();
  return { commit: r.stdout.toString().trim(), dirty: status.split("\n").filter(Boolean) };
}

function copyWorktree(into: string) {
  mkdirSync(into, { recursive: true });
  for (const name of readdirSync(REPO)) {
    if (EXCLUDE.has(name) || name.endsWith(".db") || name.startsWith(".env")) continue;
    cpSync(path.join(REPO, name), path.join(into, name), {
      recursive: true,
      filter: (src) => !EXCLUDE_ANYWHERE.has(path.basename(src)) || src === path.join(REPO, name),
    });
  }
}

function copyHead(into: string) {
  mkdirSync(into, { recursive: true });
  const tar = run("git", ["archive", "--format=tar", "HEAD"], { cwd: REPO });
  run("tar", ["-x", "-f", "-", "-C", into], { cwd: REPO, input: tar });
  for (const name of EXCLUDE) if (name !== ".git") rmSync(path.join(into, name), { recursive: true, force: true });
  // The Prisma client is generated, never committed: take the working tree's.
  if (existsSync(path.join(REPO, "generated"))) cpSync(path.join(REPO, "generated"), path.join(into, "generated"), { recursive: true });
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === STAMP || EXCLUDE_ANYWHERE.has(d.name) || (dir === base && (EXCLUDE.has(d.name) || d.name === ".git"))) return [];
    const full = path.join(dir, d.name);
    return d.isDirectory() ? listFiles(full, base) : d.isFile() ? [path.relative(base, full)] : [];
  });
}

/** A hash of every input file's path and bytes, plus the toolchain that builds them. */
function fingerprint(dir: string): string {
  const h = createHash("sha256");
  h.update(`node ${process.version}\n`);
  for (const file of [path.join(REPO, "package-lock.json"), path.join(REPO, "node_modules", "next", "package.json")]) {
    if (existsSync(file)) h.update(readFileSync(file));
  }
  for (const rel of listFiles(dir).sort()) {
    h.update(`\0${rel}\0`);
    h.update(readFileSync(path.join(dir, rel)));
  }
  return h.digest("hex");
}

export type Stamp = { fingerprint: string; source: Source; commit: string | null; dirty: string[]; builtAt: string; buildMs: number };

export type Site = { dir: string; stamp: Stamp; reused: boolean; buildLog: string };

/** The caller's environment without its DATABASE_PATH (the build uses the snapshot's own store), plus `extra`. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_PATH;
  return { ...env, ...extra } as NodeJS.ProcessEnv;
}

/**
 * Makes sure bench/tmp/site holds a production build of the current sources, building
 * it with `npm run build` unless a build of identical sources is already there.
 */
export async function prepareSite(opts: { source: Source; rebuild: boolean; log: (s: string) => void }): Promise<Site> {
  mkdirSync(BENCH_TMP, { recursive: true });
  const stage = path.join(BENCH_TMP, `stage-${process.pid}`);
  rmSync(stage, { recursive: true, force: true });
  if (opts.source === "head") copyHead(stage);
  else copyWorktree(stage);
  for (const rel of MEASUREMENT) rmSync(path.join(stage, rel), { recursive: true, force: true });
  const print = fingerprint(stage);
  const git = gitInfo();

  const stampFile = path.join(SITE_DIR, STAMP);
  if (!opts.rebuild && existsSync(stampFile) && existsSync(path.join(SITE_DIR, ".next", "BUILD_ID"))) {
    const stamp = JSON.parse(readFileSync(stampFile, "utf8")) as Stamp;
    if (stamp.fingerprint === print) {
      rmSync(stage, { recursive: true, force: true });
      opts.log(`Reusing the build in ${path.relative(REPO, SITE_DIR)} (same sources, built ${stamp.builtAt}).`);
      return { dir: SITE_DIR, stamp, reused: true, buildLog: "" };
    }
  }

  rmSync(SITE_DIR, { recursive: true, force: true });
  renameSync(stage, SITE_DIR);
  // Tailwind skips git-ignored files only inside a git work tree, and it recognises one by
  // a `.git` entry. An empty `.git` *file* makes it honour the snapshot's .gitignore (so it
  // scans exactly what it scans in the real checkout, not .next/ or data/), while Next,
  // which looks for a `.git` directory or worktree link, still takes the repository root.
  writeFileSync(path.join(SITE_DIR, ".git"), "");

  opts.log(`Building the site in ${path.relative(REPO, SITE_DIR)} with npm run build (${opts.source === "head" ? "HEAD" : "working tree"})...`);
  const started = performance.now();
  const logFile = path.join(SITE_DIR, "bench-build.log");
  const ok = await new Promise<boolean>((resolve) => {
    const out: Buffer[] = [];
    const child = spawn("npm", ["run", "build"], { cwd: SITE_DIR, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => out.push(d));
    child.on("close", (code) => {
      writeFileSync(logFile, Buffer.concat(out));
      resolve(code === 0);
    });
  });
  const buildMs = performance.now() - started;
  if (!ok) {
    const tail = readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
    throw new Error(`npm run build failed in ${SITE_DIR} (log: ${logFile}):\n${tail}`);
  }
  const stamp: Stamp = { fingerprint: print, source: opts.source, commit: git.commit, dirty: git.dirty, builtAt: new Date().toISOString(), buildMs };
  writeFileSync(stampFile, JSON.stringify(stamp, null, 2));
  opts.log(`Built in ${(buildMs / 1000).toFixed(1)} s.`);
  return { dir: SITE_DIR, stamp, reused: false, buildLog: logFile };
}

/** The first port in [from, to] that nothing listens on (127.0.0.1). */
export async function freePort(from = 3400, to = 3499, skip: ReadonlySet<number> = new Set()): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (skip.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(false));
      srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port between ${from} and ${to}.`);
}

export type Server = { port: number; origin: string; pid: number; child: ChildProcess; output: () => string; stop: () => Promise<void> };

const running = new Set<ChildProcess>();
function stopAllSync() {
  for (const child of running)
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
}
process.once("exit", stopAllSync);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stopAllSync();
    process.exit(130);
  });
}

/** The arguments to node of the site's `npm start` script ("node <flags> <entry>"). */
export function startCommand(siteDir: string): string[] {
  const start = (JSON.parse(readFileSync(path.join(siteDir, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  const [bin, ...args] = start.trim().split(/\s+/);
  if (bin !== "node") throw new Error(`npm start is "${start}"; the benchmark expects "node <flags> <entry>".`);
  return args;
}

/** The production server (`npm start`: server.ts) from the site build on a free loopback port, with the given store. */
export async function startServer(siteDir: string, opts: { databasePath: string; portsInUse?: ReadonlySet<number>; nodeOptions?: string }): Promise<Server> {
  const port = await freePort(3400, 3499, opts.portsInUse);
  // Exactly what `npm start` runs (Node's flags included), without npm in between.
  const child = spawn(process.execPath, [...startCommand(siteDir), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: siteDir,
    env: cleanEnv({ NODE_ENV: "production", DATABASE_PATH: opts.databasePath, ...(opts.nodeOptions ? { NODE_OPTIONS: opts.nodeOptions } : {}) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child);
      return;
    }
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
    running.delete(child);
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${origin}/about`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer on ${origin} within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { port, origin, pid: child.pid!, child, output: () => output, stop };
}
