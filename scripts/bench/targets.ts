// What one size's run measured, the ratios between its routes, and the issues' targets
// over all sizes. Targets are only reported, never asserted: on a shared machine a miss
// can be the machine's.
import type { RouteResult } from "./load";
import type { HostileResult, ListingMix, MixResult } from "./mix";
import { fmt, type Target } from "./report";

export type ServerResult = {
  /** The port of the server the routes ran on. */
  port: number;
  /** The server the routes ran on, then the one started afresh on the same store for the cold mix. */
  servers: { pid: number; port: number }[];
  /** Sampled peak of the resident memory of the server and all its processes (summed), the larger of the two servers'. */
  peakRssMb: number;
  /** The kernel's high-water marks (VmHWM) of its processes at the end, summed. */
  peakHwmMb: number;
  /** The most any single process of it held (a cluster's primary or one worker). */
  largestProcessMb: number;
  /** The most processes it had at once (the `npm start` process and its descendants), and how many there ever were. */
  processes: number;
  processesSeen: number;
  loadAverageBefore: number[];
  cpuCoresUsedByOthers: number;
  cpuCoresUsedByBench: number;
};

export type MixRuns = Omit<ListingMix, "urls"> & {
  distinct: number;
  /** A few of the URLs, to see what the mix is like; the seed gives all of them again. */
  sample: string[];
  /** Every URL once on the first server, to see that each answers (200, not a redirect to another URL). */
  check: MixResult;
  /** On a server started afresh: nothing kept, nothing loaded. */
  cold: MixResult | null;
  /** The same URLs again, on the same server. */
  warm: MixResult | null;
  /** /compare (nothing chosen) as many times, with the same client: the per-request floor. */
  floor: MixResult | null;
  /**
   * The static ceiling as many times, with the same client: before the cold run (which also
   * warms the client's own code) and after the floor. Compared with the mean of the two.
   */
  ceilingBefore: MixResult | null;
  ceilingAfter: MixResult | null;
};

/** The mean throughput of the mix client's runs of the static ceiling (0 if none ran). */
export function mixCeilingRps(mix: MixRuns): number {
  const runs = [mix.ceilingBefore, mix.ceilingAfter].filter((r): r is MixResult => r !== null && r.non200 === 0);
  return runs.length ? runs.reduce((sum, r) => sum + r.rps, 0) / runs.length : 0;
}

export type SizeResult = {
  n: number;
  content: { generateMs: number; buildMs: number; wallMs: number; dbBytes: number; counts: Record<string, number>; overdue: number };
  server: ServerResult | null;
  /** What the static ceiling served: /about's bytes as the server sent them, and its headers. */
  ceiling: { path: string; bodyBytes: number; headers: Record<string, string> } | null;
  routes: RouteResult[];
  /** The browser tests' hostile URLs, asked one at a time: how long the slowest answer took. */
  hostile: HostileResult | null;
  mix: MixRuns | null;
};

const meanRps = (rs: RouteResult[]) => (rs.length ? rs.reduce((sum, r) => sum + r.rps, 0) / rs.length : 0);
const ran = (kind: RouteResult["kind"]) => (r: RouteResult) => r.kind === kind && r.status === 200 && r.rps > 0;

/** The mean throughput of a size's static ceiling runs (0 if none ran). */
export const ceilingRps = (routes: RouteResult[]) => meanRps(routes.filter(ran("ceiling")));

/**
 * Each route's throughput against the baseline (a content page against the baseline runs
 * either side of it, the rest against the mean of all of them) and against the mean of the
 * static ceiling's runs.
 */
export function setRatios(routes: RouteResult[]): void {
  const isBase = ran("baseline");
  const allBases = meanRps(routes.filter(isBase));
  const ceiling = ceilingRps(routes);
  routes.forEach((r, i) => {
    const either = [[...routes.slice(0, i)].reverse().find(isBase), routes.slice(i + 1).find(isBase)].filter((b): b is RouteResult => b !== undefined);
    const base = r.kind === "content" && either.length > 0 ? meanRps(either) : allBases;
    r.ratioToBaseline = base > 0 ? r.rps / base : null;
    r.ratioToCeiling = ceiling > 0 ? r.rps / ceiling : null;
  });
}

/** A latency under load, or "> Ns" when no request finished within the run. */
export type Latency = (ms: number | null) => string;

// Latencies under 1 ms are noise at this scale (the client's own scheduling): compare at a
// resolution of 1 ms, so a listing at 1 ms against one at 0.3 ms is within it, not 3 times slower.
const LATENCY_RESOLUTION_MS = 1;
const atResolution = (ms: number) => Math.max(ms, LATENCY_RESOLUTION_MS);

/** Issue 7: the listing, search and API against the baseline, content pages, scaling with N, hostile URLs, the build, memory. */
export function issue7Targets(results: SizeResult[], lat: Latency): Target[] {
  const at = (n: number) => results.find((r) => r.n === n);
  const route = (n: number, id: string) => at(n)?.routes.find((r) => r.id === id);
  const targets: Target[] = [];
  for (const r of at(1000)?.routes.filter((x) => x.kind === "dynamic" || x.kind === "content") ?? []) {
    const ok = r.status === 200 && r.errorStatus === 0;
    targets.push({
      id: `throughput-1000-${r.id}`,
      description: `N=1,000 ${r.label}: throughput vs baseline`,
      value: fmt.pct(r.ratioToBaseline),
      limit: "≥ 25%",
      pass: ok && r.ratioToBaseline !== null && r.ratioToBaseline >= 0.25,
    });
    targets.push({
      id: `p99-1000-${r.id}`,
      description: `N=1,000 ${r.label}: p99 latency`,
      value: `${lat(r.p99)} ms`,
      limit: "≤ 100 ms",
      pass: ok && r.p99 !== null && r.p99 <= 100,
    });
  }
  for (const s of results) {
    for (const r of s.routes.filter((x) => x.kind === "content")) {
      targets.push({
        id: `content-${s.n}-${r.id}`,
        description: `N=${s.n.toLocaleString("en-GB")} ${r.label} (content page): throughput vs baseline either side`,
        value: fmt.pct(r.ratioToBaseline),
        limit: "≥ 80%",
        pass: r.status === 200 && r.errorStatus === 0 && r.ratioToBaseline !== null && r.ratioToBaseline >= 0.8,
      });
    }
  }
  for (const id of ["listing", "listing-filtered", "listing-near", "listing-near-town", "listing-near-zip"]) {
    const small = route(100, id);
    const large = route(10000, id);
    targets.push({
      id: `scaling-${id}`,
      description: `${small?.label ?? id}: p50 at N=10,000 vs N=100`,
      value:
        small && large
          ? `${lat(large.p50)} vs ${lat(small.p50)} ms${large.p50 !== null && small.p50 !== null ? ` (${(atResolution(large.p50) / atResolution(small.p50)).toFixed(1)}× at 1 ms resolution)` : ""}; alone ${fmt.ms(large.unloadedP50)} vs ${fmt.ms(small.unloadedP50)} ms`
          : "not run",
      limit: "≤ 2×",
      pass: small && large ? large.p50 !== null && small.p50 !== null && atResolution(large.p50) <= 2 * atResolution(small.p50) : null,
    });
  }
  for (const s of results) {
    const h = s.hostile;
    targets.push({
      id: `hostile-${s.n}`,
      description: `N=${s.n.toLocaleString("en-GB")} hostile URLs (the browser tests' kinds), one at a time: slowest answer`,
      value: h ? `${fmt.ms(h.maxMs)} ms (${h.slowest}), ${h.serverErrors} 5xx` : "not run",
      limit: "≤ 1,000 ms, no 5xx",
      pass: h ? h.maxMs <= 1000 && h.serverErrors === 0 : null,
    });
  }
  const big = at(10000);
  targets.push({
    id: "content-build-10000",
    description: "content build, N=10,000",
    value: big ? `${fmt.s(big.content.buildMs)} s` : "not run",
    limit: "< 20 s",
    pass: big ? big.content.buildMs < 20_000 : null,
  });
  for (const s of results) {
    const peak = s.server ? Math.max(s.server.peakRssMb, s.server.peakHwmMb) : null;
    targets.push({
      id: `memory-${s.n}`,
      description: `server peak memory, N=${s.n.toLocaleString("en-GB")}`,
      value: peak === null ? "not run" : `${Math.round(peak)} MB`,
      limit: "< 300 MB",
      pass: peak === null ? null : peak < 300,
    });
  }
  return targets;
}

/** Whether a run of the mix answered as the check did (no more non-200 answers): a fast error is no page. */
const asChecked = (m: MixResult, mix: MixRuns) => m.non200 <= mix.check.non200;
/** Whether a run of one URL (the floor, the ceiling) answered every request with a 200. */
const clean = (m: MixResult) => m.non200 === 0;
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : null);

/**
 * Issue 17: at N = 1,000, every page served from memory (prerendered, or kept by URL after
 * its first request) near the static ceiling; the cold listing mix near the per-request
 * floor, with a bounded p99; its second run near the ceiling (both with the mix's own
 * client); at every N, the server's memory over all its processes, per process.
 */
export function issue17Targets(results: SizeResult[]): Target[] {
  const targets: Target[] = [];
  const s = results.find((r) => r.n === 1000);
  const ceiling = s ? ceilingRps(s.routes) : 0;
  const ceilingRuns = s?.routes.filter(ran("ceiling")).length ?? 0;
  const runs = (k: number) => `${k} run${k === 1 ? "" : "s"}`;
  const bases = s?.routes.filter((r) => r.kind === "baseline") ?? [];
  const baseOk = bases.length > 0 && bases.every((r) => r.status === 200 && r.errorStatus === 0);
  const baseRatio = ceiling > 0 && bases.length ? meanRps(bases) / ceiling : null;
  targets.push({
    id: "ceiling-1000-baseline",
    description: "N=1,000 baseline (/about, prerendered): throughput vs the static ceiling",
    value: s ? `${fmt.pct(baseRatio)} (mean of ${runs(bases.length)} vs mean of ${runs(ceilingRuns)})` : "not run",
    limit: "≥ 50%",
    pass: s ? baseOk && baseRatio !== null && baseRatio >= 0.5 : null,
  });
  for (const r of s?.routes.filter((x) => x.kind === "content" || x.kind === "dynamic") ?? []) {
    targets.push({
      id: `ceiling-1000-${r.id}`,
      description: `N=1,000 ${r.label} (${r.kind === "content" ? "content page" : "kept by URL"}): throughput vs the static ceiling`,
      value: fmt.pct(r.ratioToCeiling),
      limit: "≥ 50%",
      pass: r.status === 200 && r.errorStatus === 0 && r.ratioToCeiling !== null && r.ratioToCeiling >= 0.5,
    });
  }
  // "Close to what a bare Node server achieves for the same bytes": the static ceiling sends
  // /about's 2 kB, and a page of 9 kB runs slower on this machine from any server; so each page
  // is also set against a bare server sending its own bytes. 80% is this project's reading of "close".
  for (const r of s?.routes.filter((x) => x.sameBytes) ?? []) {
    targets.push({
      id: `same-bytes-1000-${r.id}`,
      description: `N=1,000 ${r.label}: throughput vs a bare server sending its ${fmt.int(r.sameBytes!.bodyBytes)} bytes`,
      value: `${fmt.pct(r.sameBytes!.ratio)} (${fmt.int(r.rps)} vs ${fmt.int(r.sameBytes!.rps)} req/s)`,
      limit: "≥ 80%",
      pass: r.status === 200 && r.errorStatus === 0 && r.sameBytes!.ratio !== null && r.sameBytes!.ratio >= 0.8,
    });
  }
  const mix = s?.mix;
  const notRun = { value: "not run", pass: null };
  const coldVsFloor = ratio(mix?.cold?.rps, mix?.floor?.rps);
  const cold =
    mix?.cold && mix.floor
      ? {
          value: `${fmt.pct(coldVsFloor)} (${fmt.int(mix.cold.rps)} vs ${fmt.int(mix.floor.rps)} req/s, ${fmt.int(mix.distinct)} URLs)`,
          pass: asChecked(mix.cold, mix) && clean(mix.floor) && coldVsFloor !== null && coldVsFloor >= 0.9,
        }
      : notRun;
  targets.push({
    id: "mix-1000-cold-vs-floor",
    description: "N=1,000 cold listing mix (distinct URLs, fresh server): throughput vs the floor, same client",
    value: cold.value,
    limit: "≥ 90%",
    pass: cold.pass,
  });
  const p99 = mix?.cold
    ? { value: `${fmt.ms(mix.cold.p99)} ms (max ${fmt.ms(mix.cold.maxMs)} ms)`, pass: asChecked(mix.cold, mix) && mix.cold.p99 <= 250 }
    : notRun;
  targets.push({ id: "mix-1000-cold-p99", description: "N=1,000 cold listing mix: p99 latency", value: p99.value, limit: "≤ 250 ms", pass: p99.pass });
  const mixCeiling = mix ? mixCeilingRps(mix) : 0;
  const warmVsCeiling = ratio(mix?.warm?.rps, mixCeiling);
  const warm =
    mix?.warm && mixCeiling > 0
      ? {
          value: `${fmt.pct(warmVsCeiling)} (${fmt.int(mix.warm.rps)} vs ${fmt.int(mixCeiling)} req/s)`,
          pass: asChecked(mix.warm, mix) && warmVsCeiling !== null && warmVsCeiling >= 0.5,
        }
      : notRun;
  targets.push({
    id: "mix-1000-warm-vs-ceiling",
    description: "N=1,000 second run of the same mix: throughput vs the static ceiling, same client",
    value: warm.value,
    limit: "≥ 50%",
    pass: warm.pass,
  });
  for (const r of results) {
    const m = r.server;
    targets.push({
      id: `memory-per-process-${r.n}`,
      description: `N=${r.n.toLocaleString("en-GB")} server memory over all its processes: largest single process`,
      value: m
        ? `${Math.round(m.largestProcessMb)} MB (${m.processes} process${m.processes === 1 ? "" : "es"}, ${Math.round(Math.max(m.peakRssMb, m.peakHwmMb))} MB together)`
        : "not run",
      limit: "< 300 MB per worker",
      pass: m ? m.largestProcessMb < 300 : null,
    });
  }
  return targets;
}
