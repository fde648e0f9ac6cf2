// The benchmark's lines as it runs and its tables per size at the end.
import type { RouteResult } from "./load";
import type { MixResult } from "./mix";
import { fmt, table } from "./report";
import { ceilingRps, mixCeilingRps, type Latency, type SizeResult } from "./targets";

/** The X-Render-Cache answers of a run, counted: "hit 12, miss 1488". */
export const cacheCounts = (m: MixResult) =>
  Object.entries(m.renderCache)
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");

export const routeLine = (r: Omit<RouteResult, "ratioToBaseline" | "ratioToCeiling" | "sameBytes">, lat: Latency) =>
  `  ${r.label.padEnd(28)} ${fmt.int(r.rps).padStart(6)} req/s  p50 ${lat(r.p50).padStart(5)} ms  p99 ${lat(r.p99).padStart(5)} ms  alone ${fmt.ms(r.unloadedP50).padStart(5)} ms  first ${fmt.ms(r.firstMs).padStart(5)} ms${r.renderCache ? ` (cache ${r.renderCache})` : ""}${r.status !== 200 || r.errorStatus ? `  (status ${r.status}, ${r.errorStatus} status ≥ 400)` : ""}`;

export const mixLine = (label: string, m: MixResult) =>
  `  ${label.padEnd(28)} ${fmt.int(m.rps).padStart(6)} req/s  p50 ${fmt.ms(m.p50).padStart(5)} ms  p99 ${fmt.ms(m.p99).padStart(5)} ms  max ${fmt.ms(m.maxMs).padStart(5)} ms  non-200 ${m.non200}  cache ${cacheCounts(m)}`;

/** One size's tables: every route, then the listing mix with its floor and ceiling. */
export function sizeTables(s: SizeResult, opts: { connections: number; seconds: number; cpus: number; lat: Latency }): string {
  const { lat } = opts;
  const m = s.server;
  const out = [
    `\nN = ${s.n.toLocaleString("en-GB")}: ${opts.connections} connections, ${opts.seconds} s per route; server memory over ${m?.processes ?? 0} process(es): peak RSS ${Math.round(m?.peakRssMb ?? 0)} MB together (sampled), VmHWM ${Math.round(m?.peakHwmMb ?? 0)} MB, largest process ${Math.round(m?.largestProcessMb ?? 0)} MB; other processes used ${m?.cpuCoresUsedByOthers.toFixed(2)} of ${opts.cpus} CPUs`,
    table([
      ["route", "path", "req/s", "p50 ms", "p99 ms", "× baseline", "× ceiling", "× same bytes", "alone ms", "first ms", "cache", "HTML KB", "status ≥ 400"],
      ...s.routes.map((r) => [
        r.label,
        r.path.length > 48 ? `${r.path.slice(0, 45)}...` : r.path,
        fmt.int(r.rps),
        lat(r.p50),
        lat(r.p99),
        fmt.pct(r.ratioToBaseline),
        fmt.pct(r.ratioToCeiling),
        r.sameBytes ? fmt.pct(r.sameBytes.ratio) : "",
        fmt.ms(r.unloadedP50),
        fmt.ms(r.firstMs),
        r.renderCache ?? "",
        fmt.kb(r.htmlBytes),
        fmt.int(r.errorStatus + r.errors),
      ]),
    ]),
  ];
  const mix = s.mix;
  if (!mix) return out.join("\n");
  const floor = mix.floor?.rps ?? 0;
  const ceiling = mixCeilingRps(mix);
  const runs: [string, MixResult | null][] = [
    ["check: first server, after the routes", mix.check],
    ["static ceiling: bare Node, /about's bytes", mix.ceilingBefore],
    ["cold: fresh server, nothing kept", mix.cold],
    ["second run of the same mix", mix.warm],
    ["floor: /compare, nothing chosen", mix.floor],
    ["static ceiling again", mix.ceilingAfter],
  ];
  out.push(
    `\nN = ${s.n.toLocaleString("en-GB")}: listing mix, ${fmt.int(mix.distinct)} distinct canonical URLs (seed ${mix.seed}), each once per run, ${opts.connections} at a time, one client (node:http, kept-alive); × ceiling against the mean of its two runs here, ${fmt.int(ceiling)} req/s (with wrk: ${fmt.int(ceilingRps(s.routes))})`,
    table([
      ["run", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "non-200", "× floor", "× ceiling", "x-render-cache"],
      ...runs.flatMap(([label, r]) =>
        r
          ? [
              [
                label,
                fmt.int(r.requests),
                fmt.int(r.rps),
                fmt.ms(r.p50),
                fmt.ms(r.p99),
                fmt.ms(r.maxMs),
                fmt.int(r.non200),
                fmt.pct(floor > 0 ? r.rps / floor : null),
                fmt.pct(ceiling > 0 ? r.rps / ceiling : null),
                cacheCounts(r),
              ],
            ]
          : [],
      ),
    ]),
  );
  if (mix.cold) {
    const f = mix.cold.first;
    out.push(`First request of the cold mix: ${f.path} answered ${f.status} in ${fmt.ms(f.ms)} ms (x-render-cache: ${f.renderCache ?? "none"}).`);
  }
  return out.join("\n");
}
