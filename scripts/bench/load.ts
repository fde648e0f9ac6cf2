// Drives one route with autocannon from the benchmark process.
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
  non2xx: number;
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

/** What every benchmark client sends (autocannon, the ceiling's copy of /about, the mix). */
export const clientHeaders = { "accept-encoding": "gzip, deflate, br" };

async function cannon(url: string, connections: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration: seconds, pipelining: 1, timeout: 30, headers: clientHeaders });
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
  if (opts.warmupSeconds > 0) await cannon(url, opts.connections, opts.warmupSeconds);
  await opts.settle();
  const r = await cannon(url, opts.connections, opts.seconds);
  await opts.settle();
  const single = await autocannon({ url, connections: 1, amount: 5, timeout: 60, headers: clientHeaders });
  const after = await fetch(url, { redirect: "manual", headers: clientHeaders });
  await after.arrayBuffer();
  const done = r.requests.total > 0;
  return {
    id: route.id,
    label: route.label,
    path: route.path,
    kind: route.kind,
    status: first.status,
    htmlBytes: body.byteLength,
    requests: r.requests.total,
    rps: r.requests.average,
    p50: done ? r.latency.p50 : null,
    p90: done ? r.latency.p90 : null,
    p99: done ? r.latency.p99 : null,
    max: done ? r.latency.max : null,
    unloadedP50: single.latency.p50,
    firstMs,
    renderCache: after.headers.get("x-render-cache"),
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}
