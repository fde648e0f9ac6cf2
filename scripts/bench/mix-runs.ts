// The cold listing mix as `npm run bench` runs it for one store: the URLs checked once on
// the server that took the fixed routes, then, on a server started afresh (nothing kept),
// the cold run, the warm run, the floor and the static ceiling, all with one client
// (runMix), so their ratios compare like with like. See docs/performance.md.
import type { Ceiling } from "./ceiling";
import type { ListingMix } from "./mix";
import { runMix } from "./mix";
import { mixLine } from "./print";
import { fmt } from "./report";
import { waitUntilIdle } from "./process";
import type { Server } from "./site";
import type { MixRuns } from "./targets";

export async function measureListingMix(opts: {
  mix: ListingMix;
  server: Server;
  ceiling: Ceiling;
  connections: number;
  /** Stops `server` and starts another on the same store; the mix's runs go to the new one. */
  restart: () => Promise<Server>;
  log: (s: string) => void;
}): Promise<MixRuns> {
  const { mix: listing, server, ceiling, connections, log } = opts;
  const { urls, ...drawn } = listing;
  const distinct = new Set(urls).size;
  if (distinct !== urls.length || drawn.canonical !== urls.length) {
    throw new Error(`The listing mix has ${distinct} distinct and ${drawn.canonical} canonical URLs of ${urls.length}.`);
  }
  await waitUntilIdle([server.pid, ceiling.pid]);
  // Every URL once on this server: each should answer 200 itself (a URL that is not the
  // canonical one for its filters is redirected). It also leaves them all kept here, hence the restart.
  const check = await runMix(server.origin, urls, connections);
  const others = Object.entries(check.statuses).filter(([status]) => status !== "200");
  log(
    `  listing mix: ${fmt.int(urls.length)} distinct canonical URLs (seed ${drawn.seed}, ${fmt.int(drawn.drawn)} drawn); checked here: ${fmt.int(check.statuses["200"] ?? 0)} × 200${others.length ? `, ${others.map(([k, v]) => `${v} × ${k === "0" ? "error" : k}`).join(", ")}` : ""}.`,
  );
  const mix: MixRuns = {
    ...drawn,
    distinct,
    sample: urls.slice(0, 12),
    check,
    ceilingBefore: null,
    cold: null,
    warm: null,
    floor: null,
    ceilingAfter: null,
  };

  const restarted = await opts.restart();
  log(`  restarted: npm start on ${restarted.origin} (pid ${restarted.pid}).`);
  const pids = [restarted.pid, ceiling.pid];
  const times = (p: string) => Array<string>(urls.length).fill(p);
  const runs: [label: string, key: "ceilingBefore" | "cold" | "warm" | "floor" | "ceilingAfter", origin: string, paths: string[]][] = [
    // The ceiling first also warms this client's own code, which the cold run should not pay for.
    ["static ceiling, same client", "ceilingBefore", ceiling.origin, times(ceiling.path)],
    ["cold listing mix", "cold", restarted.origin, urls],
    ["second run of the same mix", "warm", restarted.origin, urls],
    ["floor: /compare, same client", "floor", restarted.origin, times("/compare")],
    ["static ceiling again", "ceilingAfter", ceiling.origin, times(ceiling.path)],
  ];
  for (const [label, key, origin, paths] of runs) {
    await waitUntilIdle(pids);
    const run = (mix[key] = await runMix(origin, paths, connections));
    log(mixLine(label, run));
    if (key !== "cold") continue;
    log(`  ${"".padEnd(28)} its first request: ${run.first.path} ${run.first.status} in ${fmt.ms(run.first.ms)} ms, cache ${run.first.renderCache ?? "none"}`);
    // With a page cache, a fresh server has kept nothing: every answer of the cold run is a render.
    // Each worker asks itself for /hospitals and a few others before it listens (server.ts), so a mix URL among those is a hit.
    if (run.renderCache.hit > 4) log(`  Note: ${run.renderCache.hit} answers of the cold run came from the page cache: was the server really restarted?`);
  }
  return mix;
}
