// npm run lighthouse [-- --runs 1 --source worktree|head --rebuild --out bench/results/lighthouse.json]
//
// Lighthouse (from npm) in Debian's Chromium against a production server (`npm start`
// from the same isolated `npm run build` the benchmark uses, with the real content
// store), mobile preset (Lighthouse's default: a mid-range phone, simulated slow 4G and
// 4× CPU slowdown). Writes the four category scores, LCP, CLS and TBT per page, and the
// listing's JavaScript (script files as transferred, plus inline scripts) against a page
// with no interaction of its own.
// See "Performance" in README.md.
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Flags, type Result } from "lighthouse";
import { inlineScripts } from "../lib/server/security";
import { describeMachine, fmt, table, targetTable, verdict, writeResults, type Target } from "./bench/report";
import { waitForQuietMachine } from "./bench/process";
import { prepareSite, REPO, startServer, type Source } from "./bench/site";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "1" },
    source: { type: "string", default: "worktree" },
    rebuild: { type: "boolean", default: false },
    chromium: { type: "string", default: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    out: { type: "string", default: "bench/results/lighthouse.json" },
  },
});
const runs = Number(values.runs);
const source = values.source as Source;
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a whole number of 1 or more.");
if (source !== "worktree" && source !== "head") throw new Error('--source is "worktree" or "head".');

const PAGES = [
  { id: "home", path: "/" },
  { id: "listing", path: "/hospitals" },
  { id: "profile", path: "/hospitals/great-ormond-street" },
  { id: "sarcoma", path: "/sarcomas/rhabdomyosarcoma" },
  { id: "pathway", path: "/pathways/newly-diagnosed-rhabdomyosarcoma" },
  // The JavaScript every page carries: a page with no interaction of its own.
  { id: "baseline", path: "/about" },
] as const;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const JS_ALLOWANCE_BYTES = 10_000; // "10 kB (compressed)"

type PageResult = {
  id: string;
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  fcpMs: number;
  scriptRequests: number;
  /** Script files, as transferred (compressed). */
  scriptTransferBytes: number;
  /** Scripts written in the page itself (not JSON-LD or other data), uncompressed. */
  inlineScriptBytes: number;
  totalTransferBytes: number;
  /** Audits that cost points in accessibility, best practices or SEO. */
  failing: { category: string; id: string; title: string; score: number | null }[];
  runs: number;
};

const log = (s: string) => console.log(s);
const started = Date.now();
const machine = describeMachine();
log(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, load average ${machine.loadAverage.join(" ")}.`);

const site = await prepareSite({ source, rebuild: values.rebuild, log });
const server = await startServer(site.dir, { databasePath: path.join(site.dir, "data", "directory.db") });
log(`npm start on ${server.origin} (pid ${server.pid}) with the real content store.`);

const chrome = await chromeLauncher.launch({
  chromePath: values.chromium,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"],
  logLevel: "silent",
});

const flags: Flags = {
  port: chrome.port,
  output: "json",
  logLevel: "error",
  onlyCategories: [...CATEGORIES],
  formFactor: "mobile",
};

/** The bytes of the scripts written in a page's HTML that run (data blocks such as JSON-LD do not). */
async function inlineScriptBytes(url: string): Promise<number> {
  const html = await (await fetch(url)).text();
  return inlineScripts(html).reduce((bytes, text) => bytes + Buffer.byteLength(text), 0);
}

function summarise(id: string, pagePath: string, lhr: Result, runCount: number, inlineBytes: number): PageResult {
  const audit = (key: string) => lhr.audits[key];
  const summary = audit("resource-summary")?.details;
  const items = summary && summary.type === "table" ? (summary.items as { resourceType: string; transferSize: number; requestCount: number }[]) : [];
  const script = items.find((i) => i.resourceType === "script");
  const total = items.find((i) => i.resourceType === "total");
  const failing: PageResult["failing"] = [];
  for (const cat of ["accessibility", "best-practices", "seo"] as const) {
    for (const ref of lhr.categories[cat]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 1) failing.push({ category: cat, id: a.id, title: a.title, score: a.score });
    }
  }
  return {
    id,
    path: pagePath,
    scores: Object.fromEntries(
      CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score! * 100)]),
    ) as PageResult["scores"],
    lcpMs: audit("largest-contentful-paint")?.numericValue ?? NaN,
    cls: audit("cumulative-layout-shift")?.numericValue ?? NaN,
    tbtMs: audit("total-blocking-time")?.numericValue ?? NaN,
    fcpMs: audit("first-contentful-paint")?.numericValue ?? NaN,
    scriptRequests: script?.requestCount ?? 0,
    scriptTransferBytes: script?.transferSize ?? 0,
    inlineScriptBytes: inlineBytes,
    totalTransferBytes: total?.transferSize ?? 0,
    failing,
    runs: runCount,
  };
}

const results: PageResult[] = [];
let lighthouseVersion = "";
// Share of the machine's CPU in use just before measuring (after waiting up to 60 s for quiet).
let busy = 1;
let userAgent = "";
try {
  busy = await waitForQuietMachine();
  log(
    busy < 0.1
      ? "The machine is quiet; measuring."
      : `The machine is still ${Math.round(busy * 100)}% busy after 60 s; its figures will be lower than on an idle machine.`,
  );
  for (const page of PAGES) {
    const lhrs: Result[] = [];
    let retries = 0;
    while (lhrs.length < runs) {
      const r = await lighthouse(`${server.origin}${page.path}`, flags);
      if (!r) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      const error = r.lhr.runtimeError;
      // NO_NAVSTART and its kin are Lighthouse failing to record a trace ("Please run
      // Lighthouse again"), seen now and then here: run again, at most twice.
      if (error && retries < 2 && /run Lighthouse again/i.test(error.message)) {
        retries++;
        log(`  ${page.path}: ${error.code}; running again.`);
        continue;
      }
      if (error) throw new Error(`Lighthouse could not load ${page.path}: ${error.message}`);
      lhrs.push(r.lhr);
    }
    // The median run by performance score, as Lighthouse's own guidance suggests.
    lhrs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
    const lhr = lhrs[Math.floor(lhrs.length / 2)];
    lighthouseVersion = lhr.lighthouseVersion;
    userAgent = lhr.environment.hostUserAgent;
    const res = summarise(page.id, page.path, lhr, runs, await inlineScriptBytes(`${server.origin}${page.path}`));
    results.push(res);
    log(
      `  ${page.path.padEnd(44)} perf ${res.scores.performance}  a11y ${res.scores.accessibility}  bp ${res.scores["best-practices"]}  seo ${res.scores.seo}  LCP ${Math.round(res.lcpMs)} ms  CLS ${res.cls.toFixed(3)}  TBT ${Math.round(res.tbtMs)} ms  JS ${fmt.kb(res.scriptTransferBytes)} KB + ${fmt.kb(res.inlineScriptBytes)} KB inline`,
    );
  }
} finally {
  await chrome.kill();
  await server.stop();
}

// ---- targets (issue 7) ----
const targets: Target[] = [];
for (const r of results.filter((x) => x.id !== "baseline")) {
  targets.push({
    id: `perf-${r.id}`,
    description: `${r.path}: performance`,
    value: String(r.scores.performance),
    limit: "≥ 95",
    pass: (r.scores.performance ?? 0) >= 95,
  });
  for (const [cat, label] of [
    ["accessibility", "accessibility"],
    ["best-practices", "best practices"],
    ["seo", "SEO"],
  ] as const) {
    targets.push({ id: `${cat}-${r.id}`, description: `${r.path}: ${label}`, value: String(r.scores[cat]), limit: "100", pass: r.scores[cat] === 100 });
  }
  targets.push({ id: `cls-${r.id}`, description: `${r.path}: CLS`, value: r.cls.toFixed(3), limit: "0", pass: r.cls === 0 });
}
const listing = results.find((r) => r.id === "listing");
const baseline = results.find((r) => r.id === "baseline");
const javascriptBytes = (r: PageResult) => r.scriptTransferBytes + r.inlineScriptBytes;
const javascript =
  listing && baseline
    ? {
        listingBytes: javascriptBytes(listing),
        baselineBytes: javascriptBytes(baseline),
        differenceBytes: javascriptBytes(listing) - javascriptBytes(baseline),
        allowanceBytes: JS_ALLOWANCE_BYTES,
      }
    : null;
if (javascript) {
  targets.push({
    id: "js-listing",
    description: "/hospitals: JS (files + inline) vs /about",
    value: `${fmt.kb(javascript.listingBytes)} vs ${fmt.kb(javascript.baselineBytes)} KB (+${(javascript.differenceBytes / 1000).toFixed(1)} kB)`,
    limit: "≤ +10 kB",
    pass: javascript.differenceBytes <= JS_ALLOWANCE_BYTES,
  });
}

log(`\nLighthouse ${lighthouseVersion}, mobile preset, ${runs} run(s) per page (median by performance), ${userAgent}`);
log(
  table([
    ["page", "perf", "a11y", "best pr.", "SEO", "LCP ms", "CLS", "TBT ms", "JS KB", "inline JS KB", "JS req", "total KB"],
    ...results.map((r) => [
      r.id === "baseline" ? `${r.path} (JS baseline)` : r.path,
      String(r.scores.performance),
      String(r.scores.accessibility),
      String(r.scores["best-practices"]),
      String(r.scores.seo),
      fmt.int(r.lcpMs),
      r.cls.toFixed(3),
      fmt.int(r.tbtMs),
      fmt.kb(r.scriptTransferBytes),
      fmt.kb(r.inlineScriptBytes),
      String(r.scriptRequests),
      fmt.kb(r.totalTransferBytes),
    ]),
  ]),
);
const failing = results.flatMap((r) => r.failing.map((f) => `  ${r.path}: [${f.category}] ${f.id}: ${f.title}`));
if (failing.length) log(`\nAudits that cost points:\n${failing.join("\n")}`);
log("\nTargets (issue 7)");
log(targetTable(targets));
log(
  `\n${targets.filter((t) => verdict(t.pass) === "PASS").length} PASS, ${targets.filter((t) => verdict(t.pass) === "MISS").length} MISS. Took ${fmt.s(Date.now() - started)} s.`,
);

const out = path.resolve(REPO, values.out);
writeResults(out, {
  generatedAt: new Date().toISOString(),
  machine: { ...machine, cpuBusyShareBeforeMeasuring: Math.round(busy * 100) / 100 },
  sources: {
    kind: site.stamp.source,
    commit: site.stamp.commit,
    uncommittedChanges: site.stamp.dirty,
    build: { reused: site.reused, builtAt: site.stamp.builtAt },
  },
  config: {
    lighthouseVersion,
    browser: userAgent,
    chromium: values.chromium,
    preset: "mobile (Lighthouse default: simulated slow 4G, 4× CPU slowdown, mobile screen)",
    runsPerPage: runs,
  },
  pages: results,
  javascript,
  targets,
  durationMs: Date.now() - started,
});
log(`Wrote ${path.relative(REPO, out)}.`);
