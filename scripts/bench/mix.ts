// Runs a load generator cannot do: a list of URLs, each asked once. The cold listing mix is
// many distinct listing URLs from random filters, none of which a freshly started server
// has kept, so every request is a render; asked again, it says what keeping them is worth.
// The floor (/compare with nothing chosen) and the static ceiling are asked the same way,
// by the same client, so the mix's figures can be set against them like for like.
import http from "node:http";
import type * as SearchParams from "../../lib/params/search-params";
import { clientHeaders } from "./load";
import { seededRandom, type UsedVocabulary } from "./synthetic";

type Params = Pick<typeof SearchParams, "hospitalsUrl" | "parseHospitalParams" | "MAX_VALUES_PER_FILTER">;
type RawParams = SearchParams.RawParams;
type Filters = Partial<SearchParams.HospitalFilters>;

/** US ZIP codes (the store holds every one) and a town that is not one of the cities, for `near`. */
const OTHER_NEAR = ["80203", "10001", "60601", "94110", "02115", "stockport-gb"];
/** Words a parent might type in the listing's search box. */
const WORDS = ["children", "sarcoma", "cancer", "hospital", "test", "synthetic", "london", "centre"];

/** The query string of a path as the listing's parser takes it (repeated keys as lists). */
function rawParams(url: string): RawParams {
  const params = new URL(url, "http://bench.invalid").searchParams;
  const out: RawParams = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

export type ListingMix = {
  seed: number;
  urls: string[];
  /** How many random filter sets it took: the rest built a URL already in the mix. */
  drawn: number;
  /** URLs that parse back to themselves with no notice (parseHospitalParams, then hospitalsUrl): should be all. */
  canonical: number;
};

/**
 * `count` distinct canonical listing URLs from random filters over the values this store's
 * hospitals use, built with the site's own hospitalsUrl() (so in its canonical order, with
 * defaults left out). Filters a parent combines: a sarcoma type or two, a city, a country,
 * services, a place to measure from (then now and then sorted by name), a search word, a
 * later page, the map. Some sets find nothing; the page says so, with a 200.
 */
export function buildListingMix(params: Params, used: UsedVocabulary, count: number, seed: number): ListingMix {
  const r = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
  const some = (items: readonly string[], weights: readonly number[]): string[] => {
    // weights[k]: the chance of k values (the rest of the chance: none).
    let x = r();
    let k = 0;
    for (let i = 0; i < weights.length; i++) {
      if (x < weights[i]) {
        k = i + 1;
        break;
      }
      x -= weights[i];
    }
    const chosen = new Set<string>();
    while (chosen.size < Math.min(k, items.length, params.MAX_VALUES_PER_FILTER)) chosen.add(pick(items));
    return [...chosen];
  };
  const near = [...used.near, ...OTHER_NEAR];
  const urls = new Set<string>();
  let drawn = 0;
  while (urls.size < count) {
    if (drawn++ > count * 100) throw new Error(`Only ${urls.size} distinct listing URLs from ${drawn} random filter sets: too few filter values?`);
    const f: Filters = {
      tumor: some(used.tumor, [0.5, 0.2]),
      city: some(used.city, [0.3, 0.08]),
      service: some(used.service, [0.3, 0.1, 0.03]),
    };
    // A country with a place to measure from may make `near` mean another place of that name: kept apart.
    if (r() < 0.3) {
      f.near = pick(near);
      if (r() < 0.15) f.sort = "name";
    } else if (r() < 0.15) f.country = [pick(used.country)];
    if (r() < 0.08) f.q = pick(WORDS);
    const filters = (f.tumor?.length ?? 0) + (f.city?.length ?? 0) + (f.service?.length ?? 0) + (f.country?.length ?? 0) + (f.q ? 1 : 0);
    if (filters <= 1 && r() < 0.2) f.page = 2 + Math.floor(r() * 3);
    if (r() < 0.04) f.view = "map";
    urls.add(params.hospitalsUrl(f));
  }
  const known = (values: string[]) => new Map(values.map((v) => [v, v]));
  const vocab = { city: known(used.city), country: known(used.country), tumor: known(used.tumor), service: known(used.service) };
  const list = [...urls];
  const canonical = list.filter((url) => {
    const { filters, notices } = params.parseHospitalParams(rawParams(url), vocab);
    return notices.length === 0 && params.hospitalsUrl(filters) === url;
  }).length;
  return { seed, urls: list, drawn, canonical };
}

export type MixResult = {
  requests: number;
  wallMs: number;
  /** Requests per wall-clock second, all of them from the first sent to the last answered. */
  rps: number;
  p50: number;
  p99: number;
  maxMs: number;
  /** The slowest request's path. */
  slowest: string;
  /** Answers other than 200 (errors counted as status 0), by status. */
  non200: number;
  statuses: Record<string, number>;
  /** The server's X-Render-Cache header over all answers: "hit", "miss" or "none" (no header). */
  renderCache: Record<string, number>;
  /** The first request sent: on a fresh server, the one that pays for everything done once. */
  first: { path: string; status: number; ms: number; renderCache: string | null };
  bytes: number;
};

type One = { path: string; status: number; ms: number; renderCache: string | null; bytes: number };

function getOnce(agent: http.Agent, origin: string, path: string): Promise<One> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const fail = () => resolve({ path, status: 0, ms: performance.now() - t0, renderCache: null, bytes: 0 });
    const req = http.get(`${origin}${path}`, { agent, headers: clientHeaders, timeout: 60_000 }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => {
        const cache = res.headers["x-render-cache"];
        resolve({ path, status: res.statusCode ?? 0, ms: performance.now() - t0, renderCache: typeof cache === "string" ? cache : null, bytes });
      });
      res.on("error", fail);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", fail);
  });
}

/**
 * Asks for each path once, `connections` at a time over kept-alive connections (a loop per
 * connection taking the next path from a shared queue), with the benchmark's
 * accept-encoding, reading every body whole (not decompressed, as wrk).
 */
export async function runMix(origin: string, paths: readonly string[], connections: number): Promise<MixResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const answers: One[] = new Array(paths.length);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(connections, paths.length) }, async () => {
      while (next < paths.length) {
        const i = next++;
        answers[i] = await getOnce(agent, origin, paths[i]);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  agent.destroy();
  const sorted = [...answers].sort((a, b) => a.ms - b.ms);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].ms;
  const count = (key: (a: One) => string) => answers.reduce<Record<string, number>>((m, a) => ((m[key(a)] = (m[key(a)] ?? 0) + 1), m), {});
  const slowest = sorted[sorted.length - 1];
  const { bytes: _, ...first } = answers[0];
  return {
    requests: answers.length,
    wallMs,
    rps: answers.length / (wallMs / 1000),
    p50: at(0.5),
    p99: at(0.99),
    maxMs: slowest.ms,
    slowest: slowest.path.slice(0, 160),
    non200: answers.filter((a) => a.status !== 200).length,
    statuses: count((a) => String(a.status)),
    renderCache: count((a) => a.renderCache ?? "none"),
    first,
    bytes: answers.reduce((sum, a) => sum + a.bytes, 0),
  };
}

export type HostileResult = { count: number; p50: number; p99: number; maxMs: number; slowest: string; serverErrors: number };

/** Each URL once, one after another, following redirects as a browser would. */
export async function timeHostile(origin: string, urls: string[]): Promise<HostileResult> {
  const times: { ms: number; url: string }[] = [];
  let serverErrors = 0;
  for (const url of urls) {
    const t0 = performance.now();
    const response = await fetch(`${origin}${url}`, { redirect: "follow" });
    await response.arrayBuffer();
    times.push({ ms: performance.now() - t0, url });
    if (response.status >= 500) serverErrors++;
  }
  const sorted = [...times].sort((a, b) => a.ms - b.ms);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].ms;
  const slowest = sorted[sorted.length - 1];
  return { count: urls.length, p50: at(0.5), p99: at(0.99), maxMs: slowest.ms, slowest: slowest.url.slice(0, 120), serverErrors };
}
