// Drives one route with wrk, a load generator written in C, from the benchmark process.
//
// Not autocannon: it parses responses in JavaScript and tops out at about 60 MB/s here,
// which a page of 10 kB reaches at 6,000 requests/s. Against a bare Node server sending the
// same 10 kB page, autocannon measured 5,900 requests/s and wrk 35,700 on this machine: with
// autocannon, the benchmark measured its own client. autocannon still times the five
// requests one after another (a latency, not a throughput).
import { execFile, spawnSync } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";

/**
 * "reference": measured for comparison, with no target of its own. "ceiling": not the
 * site at all but a bare Node server sending /about's bytes from memory (ceiling.ts), the
 * most this machine serves a page at.
 */
export type RouteKind = "ceiling" | "baseline" | "static" | "content" | "dynamic" | "reference";

export type Route = { id: string; label: string; path: string; kind: RouteKind };

export type RouteResult = {
  id: string;
  label: string;
  path: string;
  kind: RouteKind;
  status: number;
  htmlBytes: number;
  requests: number;
  rps: number;
  /** Latencies under load, in ms; null when no request completed within the run. */
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
  /** Median of 5 requests one after another on an otherwise idle server: the route's own cost. */
  unloadedP50: number;
  /**
   * The route's first request on this server, in ms: for a page the page cache keeps
   * (server.ts), the render every later request is spared. Includes first-use costs
   * (loading code, reading the listing index).
   */
  firstMs: number;
  /** How the server answered the measured requests: "hit" when from the page cache. */
  renderCache: string | null;
  /** Answers of status 400 or more under load (wrk's count; a redirect shows in `status`). */
  errorStatus: number;
  /** Connections that failed to connect, read or write. */
  errors: number;
  timeouts: number;
  ratioToBaseline: number | null;
  /** Throughput against the mean of the static ceiling's runs. */
  ratioToCeiling: number | null;
  /**
   * For a prerendered or kept page: a bare server (the ceiling's) sending this page's own
   * bytes, as the server sent them, measured the same way straight after it.
   */
  sameBytes: { rps: number; bodyBytes: number; ratio: number | null } | null;
};

/** What every benchmark client sends (wrk, the ceiling's copy of /about, the mix). */
export const clientHeaders = { "accept-encoding": "gzip, deflate, br" };

/** Stops the benchmark before it starts when wrk is missing, saying how to install it. */
export function requireWrk(): void {
  const probe = spawnSync("wrk", ["--version"], { encoding: "utf8" });
  if (probe.error)
    throw new Error(`npm run bench drives its load with wrk, which is not installed here (${probe.error.message}). On Debian: apt-get install wrk`);
}

/** One wrk run, as wrk-report.lua prints it; latencies in ms. */
type Load = { requests: number; rps: number; p50: number; p90: number; p99: number; max: number; errors: number; badStatus: number; timeouts: number };

const run = promisify(execFile);
const REPORT = path.join(import.meta.dirname, "wrk-report.lua");

async function load(url: string, connections: number, seconds: number): Promise<Load> {
  const headers = Object.entries(clientHeaders).flatMap(([k, v]) => ["-H", `${k}: ${v}`]);
  // One thread: the client takes one core of the machine, as autocannon did, whatever it has.
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "30s", ...headers, "-s", REPORT, url];
  const { stdout } = await run("wrk", args, { maxBuffer: 1 << 20 });
  const line = stdout.split("\n").find((l) => l.startsWith("WRK_JSON "));
  if (!line) throw new Error(`wrk printed no report for ${url}:\n${stdout}`);
  const r = JSON.parse(line.slice("WRK_JSON ".length)) as Record<string, number>;
  const ms = (us: number) => us / 1000;
  return {
    requests: r.requests,
    rps: r.requests / (r.durationUs / 1e6),
    p50: ms(r.p50),
    p90: ms(r.p90),
    p99: ms(r.p99),
    max: ms(r.max),
    errors: r.connect + r.read + r.write,
    badStatus: r.status,
    timeouts: r.timeout,
  };
}

/**
 * Fetches the route once (status and size), warms it up (first renders, JIT, SQLite page
 * cache) for `warmupSeconds`, measures it for `seconds` at `connections` concurrent
 * connections, then times 5 requests in a row without other load. `settle` waits for the
 * server to finish what an earlier run left in flight before each step.
 */
export async function measureRoute(
  origin: string,
  route: Route,
  opts: { connections: number; seconds: number; warmupSeconds: number; settle: () => Promise<void> },
): Promise<Omit<RouteResult, "ratioToBaseline" | "ratioToCeiling" | "sameBytes">> {
  const url = `${origin}${route.path}`;
  await opts.settle();
  const t0 = performance.now();
  const first = await fetch(url, { redirect: "manual", headers: clientHeaders });
  const body = await first.arrayBuffer();
  const firstMs = performance.now() - t0;
  if (opts.warmupSeconds > 0) await load(url, opts.connections, opts.warmupSeconds);
  await opts.settle();
  const r = await load(url, opts.connections, opts.seconds);
  await opts.settle();
  const single = await autocannon({ url, connections: 1, amount: 5, timeout: 60, headers: clientHeaders });
  const after = await fetch(url, { redirect: "manual", headers: clientHeaders });
  await after.arrayBuffer();
  const done = r.requests > 0;
  return {
    id: route.id,
    label: route.label,
    path: route.path,
    kind: route.kind,
    status: first.status,
    htmlBytes: body.byteLength,
    requests: r.requests,
    rps: r.rps,
    p50: done ? r.p50 : null,
    p90: done ? r.p90 : null,
    p99: done ? r.p99 : null,
    max: done ? r.max : null,
    unloadedP50: single.latency.p50,
    firstMs,
    renderCache: after.headers.get("x-render-cache"),
    errorStatus: r.badStatus,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}
