// The production server (`npm start`): a primary process that checks the build and starts
// one worker per core (Node's cluster; WEB_CONCURRENCY to choose), replacing any that
// dies. Each worker sends the prerendered pages from memory (lib/server/served-pages.ts)
// and everything else through Next behind the page cache (lib/server/render-cache.ts), and
// holds its own read-only handle on the store. Pages one worker keeps are sent to the
// others, so every worker answers a URL any of them has rendered.
//
// `next dev` is unchanged; `npm start -- -p 3200 -H 127.0.0.1` takes the same port and host
// options as `next start`, and PORT and HOSTNAME as well. `npm run build` bundles this file
// to .next/production-server.mjs (npm's postbuild), so the server runs on plain Node.
import cluster, { type Worker } from "node:cluster";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { config, parseConfig } from "./lib/config";
import { BuildOutputError, loadBuildOutput } from "./lib/server/build-output";
import { createRenderCache, type KeptPage } from "./lib/server/render-cache";
import { loadServedPages } from "./lib/server/served-pages";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  allowPositionals: true,
});

let env: ReturnType<typeof config>;
let build: ReturnType<typeof loadBuildOutput>;
try {
  // lib/config.ts checks every variable; the options win over PORT and HOSTNAME.
  env = config();
  if (values.port !== undefined) env = { ...env, PORT: parseConfig({ PORT: values.port }).PORT };
  build = loadBuildOutput();
} catch (error) {
  console.error(error instanceof BuildOutputError ? error.message : String(error instanceof Error ? error.message : error));
  process.exit(1);
}
const hostname = values.hostname ?? env.HOSTNAME;
const port = env.PORT;
const times = { maxAge: env.CACHE_MAX_AGE, staleWhileRevalidate: env.CACHE_STALE_SECONDS };

/** What each worker asks itself before it listens (see below). */
const WARM_UP = ["/hospitals", "/hospitals?near=leeds", "/search?q=sarcoma", "/compare"];

type Message = { kind: "kept"; url: string; page: KeptPage } | { kind: "ready"; pid: number };

// next build's resolved configuration, as Next's own standalone server passes it, so a
// worker does not compile next.config.ts (which loads the 24 MB SWC binding). This is a
// private variable of Next (next()'s public `conf` option does not reach its router), so
// tests/e2e/production-server.spec.ts checks that a start compiles nothing.
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(build.nextConfig);

if (cluster.isPrimary) {
  const workers = env.WEB_CONCURRENCY;
  // Buffers travel between processes as they are, not as JSON.
  cluster.setupPrimary({ serialization: "advanced" });
  let stopping = false;
  let ready = 0;
  const listening = new Set<Worker>();
  const start = () => {
    // glibc's malloc, tuned for a long-lived server (either can be overridden from outside):
    // two arenas rather than one per thread, since the default kept tens of MB per worker
    // that the compression and SQLite threads had freed; and blocks of 32 kB or more mapped
    // on their own, so that freeing them returns them: with glibc's sliding threshold the
    // memory V8 allocates while compiling Next's bundles stayed held, about 60 MB per worker
    // after warm-up (230 MB, now 170), with no change in the cold listing rate (docs/performance.md).
    const worker = cluster.fork({
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
      MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? "32768",
    });
    worker.on("message", (message: Message) => {
      if (message.kind === "kept") {
        for (const other of Object.values(cluster.workers ?? {})) if (other && other !== worker) other.send(message);
      } else if (message.kind === "ready" && (listening.add(worker), ++ready === workers)) {
        console.log(
          `Childhood Sarcoma Directory on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}: ${workers} worker(s), page cache ${env.RENDER_CACHE_MB} MB each, pages cached for ${times.maxAge} s.`,
        );
      }
    });
    return worker;
  };
  for (let i = 0; i < workers; i++) start();
  cluster.on("exit", (worker: Worker, code, signal) => {
    if (stopping) return;
    const how = signal ?? `exit code ${code}`;
    // One that never started would fail again: stop, with its message above.
    if (!listening.has(worker)) {
      console.error(`Worker ${worker.process.pid} stopped before it could serve (${how}); the server stops.`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
      process.exitCode = 1;
      return;
    }
    console.error(`Worker ${worker.process.pid} stopped (${how}); starting another.`);
    start();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 3000).unref();
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  const served = loadServedPages(build.served, build.servedDir, times);
  // Only workers load Next: the primary forks and forwards, and stays small.
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname, port });
  const handler = app.getRequestHandler();
  await app.prepare();
  const cache = createRenderCache((req, res) => handler(req, res), {
    maxBytes: env.RENDER_CACHE_MB * 1024 * 1024,
    times,
    onKeep: (url, page) => process.send?.({ kind: "kept", url, page } satisfies Message),
  });
  process.on("message", (message: Message) => {
    if (message.kind === "kept") cache.adopt(message.url, message.page);
  });

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    if (served.send(req, res)) return;
    cache.handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      } else res.destroy();
    });
  };

  // Before taking requests, a few of its own on a private port: the first listing, search
  // and "near" answers load the listing index, the search index and the gazetteer, and the
  // code behind them (a second or more), which no visitor should wait for.
  const warmUp = createServer(answer);
  await new Promise<void>((resolve) => warmUp.listen({ port: 0, host: "127.0.0.1", exclusive: true }, resolve));
  const local = `http://127.0.0.1:${(warmUp.address() as AddressInfo).port}`;
  for (const url of WARM_UP)
    await fetch(`${local}${url}`).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    );
  warmUp.closeAllConnections();
  warmUp.close();

  const server = createServer(answer).listen(port, hostname, () => process.send?.({ kind: "ready", pid: process.pid } satisfies Message));
  // Asked to stop (by the primary, or a process manager): finish what is in flight, then exit.
  process.once("SIGTERM", () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
