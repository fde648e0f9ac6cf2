// npm run bench [-- --duration 5 --warmup 1 --connections 16 --sizes 100,1000,10000 --mix 1500
//                  --source worktree|head --rebuild --keep --out bench/results/latest.json
//                  --node-options=<NODE_OPTIONS for the server>]
//
// For each size N: synthetic content (the real reference content plus N fake hospitals)
// in bench/tmp/, built into its own store with the real content build; then one
// production server per store (`npm start`, i.e. server.ts, from one `npm run build`), loaded route by
// route with wrk (scripts/bench/load.ts) from this process, between runs of the static ceiling (a bare
// Node server in a child process sending /about's bytes from memory: scripts/bench/ceiling.ts).
// Then the cold listing mix (scripts/bench/mix.ts, run by scripts/bench/mix-runs.ts): --mix distinct canonical listing URLs from
// seeded random filters, checked once on that server, then each asked once on a server
// started afresh on the same store (nothing kept), then again (kept), with the floor
// (/compare) and the ceiling asked as often by the same client. Prints tables and the
// targets of issues 7 and 17 (scripts/bench/targets.ts), and writes bench/results/latest.json.
// See "Performance" in README.md.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type * as ContentBuild from "../lib/content/build";
import type * as SearchParams from "../lib/params/search-params";
import { againstSameBytes, startCeiling, type Ceiling } from "./bench/ceiling";
import { measureRoute, requireWrk, type Route, type RouteResult } from "./bench/load";
import { buildListingMix, timeHostile } from "./bench/mix";
import { measureListingMix } from "./bench/mix-runs";
import { routeLine, sizeTables } from "./bench/print";
import { describeMachine, fmt, loadAverage, table, targetTable, writeResults } from "./bench/report";
import { cpuMeter, maxPeak, sampleMemory, waitUntilIdle, type MemoryPeak } from "./bench/process";
import { BENCH_TMP, prepareSite, REPO, startServer, type Server, type Source } from "./bench/site";
import { syntheticSlug, writeSyntheticContent, type UsedVocabulary } from "./bench/synthetic";
import { issue17Targets, issue7Targets, setRatios, type SizeResult } from "./bench/targets";
import { sampleHostileUrls } from "../tests/support/hostile-urls";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    warmup: { type: "string", default: "1" },
    connections: { type: "string", default: "16" },
    sizes: { type: "string", default: "100,1000,10000" },
    source: { type: "string", default: "worktree" },
    rebuild: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    out: { type: "string", default: "bench/results/latest.json" },
    // Distinct listing URLs in the cold mix.
    mix: { type: "string", default: "1500" },
    // For experiments such as --node-options=--max-old-space-size=192: passed to the server as NODE_OPTIONS.
    "node-options": { type: "string", default: "" },
  },
});

const seconds = Number(values.duration);
const warmupSeconds = Number(values.warmup);
const connections = Number(values.connections);
const sizes = values.sizes.split(",").map((s) => Number(s.trim()));
const mixCount = Number(values.mix);
const source = values.source as Source;
if (
  !(seconds > 0) ||
  !(warmupSeconds >= 0) ||
  !(connections > 0) ||
  sizes.some((n) => !Number.isInteger(n) || n < 1) ||
  !Number.isInteger(mixCount) ||
  mixCount < 1
) {
  throw new Error("--duration, --connections, --sizes and --mix must be positive numbers; --warmup zero or more.");
}
/** The cold mix's random filters: one seed, so every run (and every N) draws the same way. */
const MIX_SEED = 17;
if (source !== "worktree" && source !== "head") throw new Error('--source is "worktree" or "head".');

const log = (s: string) => console.log(s);
const started = Date.now();
requireWrk();
const machine = describeMachine();
log(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, load average ${machine.loadAverage.join(" ")}.`);

const site = await prepareSite({ source, rebuild: values.rebuild, log });
// Stores are built with the snapshot's own content build, so their schema is the one the server was built with.
const { buildContent, todayIso } = (await import(pathToFileURL(path.join(site.dir, "lib", "content", "build.ts")).href)) as typeof ContentBuild;
const today = todayIso();
// The listing's URLs are built with the snapshot's own URL builder, the one the server runs.
const searchParams = (await import(pathToFileURL(path.join(site.dir, "lib", "params", "search-params.ts")).href)) as typeof SearchParams;

// A synthetic profile, unless the build prerenders profiles and serves no others
// (dynamicParams = false): then the prerendered page of a real hospital, which is what a
// visitor gets, and which does not depend on N.
const prerender = JSON.parse(readFileSync(path.join(site.dir, ".next", "prerender-manifest.json"), "utf8")) as {
  routes: Record<string, unknown>;
  dynamicRoutes: Record<string, { fallback: unknown }>;
};
const profilesClosed = prerender.dynamicRoutes["/hospitals/[slug]"]?.fallback === false;
const prerenderedProfile =
  Object.keys(prerender.routes).find((r) => r === "/hospitals/great-ormond-street") ??
  Object.keys(prerender.routes).find((r) => /^\/hospitals\/[^/]+$/.test(r));
const PROFILE = profilesClosed && prerenderedProfile ? prerenderedProfile : `/hospitals/${syntheticSlug(42)}`;
if (PROFILE !== `/hospitals/${syntheticSlug(42)}`)
  log(`Hospital profiles are prerendered from the real store only (dynamicParams = false): measuring ${PROFILE}.`);
const cssFile = readdirSync(path.join(site.dir, ".next", "static", "chunks")).find((f) => f.endsWith(".css"));
const routes: Route[] = [
  // The ceiling first and last: other routes are compared with the mean of its runs.
  { id: "ceiling", label: "static ceiling: bare Node, /about's bytes", path: "/about", kind: "ceiling" },
  { id: "baseline", label: "baseline: prerendered page", path: "/about", kind: "baseline" },
  ...(cssFile ? [{ id: "asset", label: "static asset (CSS)", path: `/_next/static/chunks/${cssFile}`, kind: "static" } as const] : []),
  // The least a page rendered on every request costs here: /compare with nothing chosen
  // reads almost nothing and is not in the page cache, so its figures are the framework's
  // floor for a per-request render.
  { id: "dynamic-floor", label: "floor: per-request render", path: "/compare", kind: "reference" },
  { id: "listing", label: "listing", path: "/hospitals", kind: "dynamic" },
  { id: "listing-filtered", label: "listing, city + tumour", path: "/hospitals?city=london&tumor=rhabdomyosarcoma", kind: "dynamic" },
  { id: "listing-near", label: "listing, by distance", path: "/hospitals?near=leeds", kind: "dynamic" },
  { id: "listing-near-town", label: "listing, near a town", path: "/hospitals?near=stockport-gb", kind: "dynamic" },
  { id: "listing-near-zip", label: "listing, near a ZIP code", path: "/hospitals?near=80203", kind: "dynamic" },
  // Each content page runs between two runs of the baseline and is compared with their
  // mean: its target (80%) is close enough to the baseline that drift over a run counts.
  ...(
    [
      { id: "profile", label: "hospital profile", path: PROFILE, kind: "content" },
      { id: "sarcoma", label: "sarcoma type", path: "/sarcomas/rhabdomyosarcoma", kind: "content" },
      { id: "treatment", label: "treatment", path: "/treatments/vac-chemotherapy", kind: "content" },
      { id: "pathway", label: "pathway", path: "/pathways/newly-diagnosed-rhabdomyosarcoma", kind: "content" },
    ] as const
  ).flatMap((page): Route[] => [{ id: `baseline-before-${page.id}`, label: "baseline", path: "/about", kind: "baseline" }, page]),
  { id: "baseline-after-content", label: "baseline", path: "/about", kind: "baseline" },
  { id: "search", label: "search", path: "/search?q=rhabdo", kind: "dynamic" },
  { id: "api", label: "open data API", path: "/api/hospitals", kind: "dynamic" },
  // The baseline again: on this shared machine one 5 s run of /about has served anywhere
  // from 351 to 853 requests/s, so other ratios are taken against the mean of all its runs.
  { id: "baseline-end", label: "baseline again, last", path: "/about", kind: "baseline" },
  { id: "ceiling-end", label: "static ceiling again, last", path: "/about", kind: "ceiling" },
];

/** A latency under load, or "> Ns" when no request finished within the run. */
const lat = (ms: number | null) => (ms === null ? `>${seconds}s` : fmt.ms(ms));

const runDir = path.join(BENCH_TMP, `run-${process.pid}`);
mkdirSync(runDir, { recursive: true });

const results: SizeResult[] = [];
const HOSTILE_URLS = sampleHostileUrls(300);

try {
  // All stores first, so no server competes with the content builds for the CPU.
  const stores = new Map<number, string>();
  const vocabularies = new Map<number, UsedVocabulary>();
  for (const n of sizes) {
    const contentDir = path.join(runDir, `content-${n}`);
    const db = path.join(runDir, `store-${n}.db`);
    log(`\nN = ${n.toLocaleString("en-GB")}: generating content...`);
    const g0 = performance.now();
    vocabularies.set(n, writeSyntheticContent(path.join(site.dir, "content"), contentDir, n, today));
    const generateMs = performance.now() - g0;
    const b0 = performance.now();
    const built = await buildContent({ contentDir, outFile: db, today });
    const wallMs = performance.now() - b0;
    if (!built.ok) throw new Error(`Content build failed for N = ${n}:\n${built.problems.slice(0, 20).join("\n")}`);
    const dbBytes = statSync(db).size;
    log(`  content build ${fmt.s(built.ms)} s, store ${fmt.mb(dbBytes)} MB (${built.counts.Hospital} hospitals, ${built.counts.Source} sources).`);
    stores.set(n, db);
    results.push({
      n,
      content: { generateMs, buildMs: built.ms, wallMs, dbBytes, counts: built.counts, overdue: built.overdue.length },
      server: null,
      ceiling: null,
      routes: [],
      hostile: null,
      mix: null,
    });
  }

  for (const result of results) {
    const n = result.n;
    const loadAverageBefore = loadAverage();
    const databasePath = stores.get(n)!;
    const server = await startServer(site.dir, { databasePath, nodeOptions: values["node-options"] });
    log(
      `\nN = ${n.toLocaleString("en-GB")}: npm start on ${server.origin} (pid ${server.pid}); ${routes.length} routes × ${warmupSeconds} s warm-up + ${seconds} s at ${connections} connections, then the listing mix.`,
    );
    const memory = sampleMemory(server.pid, 200);
    const cpu = cpuMeter(machine.cpus);
    let ceiling: Ceiling | null = null;
    // Set when the mix restarts the server (in a callback, so typed here as either).
    let fresh = null as { server: Server; memory: ReturnType<typeof sampleMemory> } | null;
    let firstPeak = null as MemoryPeak | null;
    try {
      // The server must be reading this N's store, not the one the build wrote.
      const api = (await (await fetch(`${server.origin}/api/hospitals`)).json()) as { meta?: { total?: number } };
      if (api.meta?.total !== n) throw new Error(`The server reports ${api.meta?.total} hospitals, expected ${n}: is DATABASE_PATH reaching it?`);
      ceiling = await startCeiling(server.origin, "/about", { portsInUse: new Set([server.port]) });
      result.ceiling = { path: ceiling.path, bodyBytes: ceiling.bodyBytes, headers: ceiling.headers };
      log(
        `  static ceiling on ${ceiling.origin} (pid ${ceiling.pid}): ${ceiling.bodyBytes.toLocaleString("en-GB")} bytes of /about (${ceiling.headers["content-encoding"] ?? "identity"}).`,
      );
      const pids = [server.pid, ceiling.pid];
      for (const route of routes) {
        if (route.path === `/hospitals/${syntheticSlug(42)}` && n <= 42) continue;
        const origin = route.kind === "ceiling" ? ceiling.origin : server.origin;
        const r = await measureRoute(origin, route, { connections, seconds, warmupSeconds, settle: () => waitUntilIdle(pids) });
        log(routeLine(r, lat));
        let sameBytes: RouteResult["sameBytes"] = null;
        if ((route.kind === "content" || route.kind === "dynamic") && r.status === 200) {
          sameBytes = await againstSameBytes(server.origin, route, r, {
            connections,
            seconds,
            warmupSeconds,
            idle: (copy) => waitUntilIdle([...pids, copy]),
            portsInUse: new Set([server.port, ceiling.port]),
          });
          log(`    the same ${fmt.int(sameBytes.bodyBytes)} bytes from a bare server: ${fmt.int(sameBytes.rps)} req/s (${fmt.pct(sameBytes.ratio)})`);
        }
        result.routes.push({ ...r, ratioToBaseline: null, ratioToCeiling: null, sameBytes });
      }
      await waitUntilIdle(pids);
      result.hostile = await timeHostile(server.origin, HOSTILE_URLS);
      const h = result.hostile;
      log(
        `  ${`hostile URLs (${h.count}, one by one)`.padEnd(28)} p50 ${fmt.ms(h.p50)} ms  p99 ${fmt.ms(h.p99)} ms  slowest ${fmt.ms(h.maxMs)} ms  5xx ${h.serverErrors}`,
      );

      // ---- the listing mix, on a server started afresh for its cold run ----
      const ceilingPort = ceiling.port;
      result.mix = await measureListingMix({
        mix: buildListingMix(searchParams, vocabularies.get(n)!, mixCount, MIX_SEED),
        server,
        ceiling,
        connections,
        restart: async () => {
          // A new process, sampled as well.
          firstPeak = memory.stop();
          await server.stop();
          const restarted = await startServer(site.dir, { databasePath, nodeOptions: values["node-options"], portsInUse: new Set([ceilingPort]) });
          fresh = { server: restarted, memory: sampleMemory(restarted.pid, 200) };
          return restarted;
        },
        log,
      });
    } finally {
      // Each server's memory is read while it still runs.
      const first = firstPeak ?? memory.stop();
      const peak = fresh ? maxPeak(first, fresh.memory.stop()) : first;
      const used = cpu.stop();
      await server.stop();
      await fresh?.server.stop();
      await ceiling?.stop();
      result.server = {
        port: server.port,
        servers: [server, ...(fresh ? [fresh.server] : [])].map((s) => ({ pid: s.pid, port: s.port })),
        peakRssMb: peak.peakTreeMb,
        peakHwmMb: peak.peakHwmMb,
        largestProcessMb: peak.largestMb,
        processes: peak.processes,
        processesSeen: peak.processesSeen,
        loadAverageBefore,
        cpuCoresUsedByOthers: Math.round(used.otherCores * 100) / 100,
        cpuCoresUsedByBench: Math.round(used.oursCores * 100) / 100,
      };
      if (used.otherCores > 0.2) {
        log(
          `  Note: other processes used ${used.otherCores.toFixed(2)} of ${machine.cpus} CPUs during this run; its figures are lower than on an idle machine.`,
        );
      }
    }
    setRatios(result.routes);
  }
} finally {
  if (!values.keep) rmSync(runDir, { recursive: true, force: true });
}

// ---- targets ----
const targets = issue7Targets(results, lat);
const targets17 = issue17Targets(results);

// ---- report ----
log("\nContent builds (real content build, synthetic hospitals)");
log(
  table([
    ["N", "generate s", "build s", "store MB", "hospitals", "sources", "facts"],
    ...results.map((s) => [
      fmt.int(s.n),
      fmt.s(s.content.generateMs),
      fmt.s(s.content.buildMs),
      fmt.mb(s.content.dbBytes),
      fmt.int(s.content.counts.Hospital ?? 0),
      fmt.int(s.content.counts.Source ?? 0),
      fmt.int(s.content.counts.Fact ?? 0),
    ]),
  ]),
);
for (const s of results) log(sizeTables(s, { connections, seconds, cpus: machine.cpus, lat }));
log("\nTargets (issue 7)");
log(targetTable(targets));
log("\nTargets (issue 17)");
log(targetTable(targets17));
const all = [...targets, ...targets17];
log(`\n${all.filter((t) => t.pass).length} PASS, ${all.filter((t) => t.pass === false).length} MISS. Took ${fmt.s(Date.now() - started)} s.`);

const out = path.resolve(REPO, values.out);
writeResults(out, {
  generatedAt: new Date().toISOString(),
  machine,
  sources: {
    kind: site.stamp.source,
    commit: site.stamp.commit,
    uncommittedChanges: site.stamp.dirty,
    build: { reused: site.reused, builtAt: site.stamp.builtAt, buildMs: Math.round(site.stamp.buildMs) },
  },
  config: {
    sizes,
    connections,
    durationSeconds: seconds,
    warmupSeconds,
    baseline: "/about",
    ceiling: "bare Node http in a child process (scripts/bench/ceiling-server.mjs), /about's bytes and headers as the server sent them",
    tool: "wrk",
    mix: { urls: mixCount, seed: MIX_SEED, client: "node:http, kept-alive, one loop per connection over a shared queue", connections },
    serverNodeOptions: values["node-options"] || null,
    today,
  },
  sizes: results,
  targets,
  targetsIssue17: targets17,
  durationMs: Date.now() - started,
});
log(`Wrote ${path.relative(REPO, out)}.`);
