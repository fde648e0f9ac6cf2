// The static ceiling: the most this machine can serve a page at, whatever the site does. A
// bare Node http server (ceiling-server.mjs, a child of the benchmark process) answers every
// request with /about exactly as the production server sent it (the compressed bytes the
// benchmark's clients are sent, and the same headers: type, encoding, CSP, ETag, caching),
// from memory. A page's throughput against it says how much the framework and the server's
// own work cost, apart from the machine, the network stack and the client.
import { fork, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { clientHeaders, measureRoute, type Route, type RouteResult } from "./load";
import { freePort } from "./site";

export type Ceiling = {
  origin: string;
  port: number;
  pid: number;
  /** The page copied, as sent (compressed when the server compressed it). */
  path: string;
  bodyBytes: number;
  headers: Record<string, string>;
  stop: () => Promise<void>;
};

/** Headers that describe one connection or one moment, not the page: the ceiling's own server sets its own. */
const NOT_COPIED = new Set(["transfer-encoding", "connection", "keep-alive", "date", "content-length"]);

/** One GET with the benchmark's accept-encoding, its body as sent (not decompressed, unlike fetch). */
function getRaw(url: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: clientHeaders, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && !NOT_COPIED.has(k)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** Copies `pagePath` from the running server at `origin` and serves it from a child process on a free port. */
export async function startCeiling(origin: string, pagePath: string, opts: { portsInUse?: ReadonlySet<number> } = {}): Promise<Ceiling> {
  const page = await getRaw(`${origin}${pagePath}`);
  if (page.status !== 200) throw new Error(`The static ceiling copies ${pagePath}, which answered ${page.status}.`);
  const port = await freePort(3400, 3499, opts.portsInUse);
  // execArgv []: plain Node, without the TypeScript loader this process runs under.
  const child: ChildProcess = fork(path.join(import.meta.dirname, "ceiling-server.mjs"), [], { execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const listening = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: { port?: number; error?: string }) =>
      m.port ? resolve(m.port) : reject(new Error(`The static ceiling could not listen: ${m.error}`)),
    );
    child.once("exit", (code) => reject(new Error(`The static ceiling exited (${code}) before listening.`)));
    child.send({ body: page.body.toString("base64"), headers: page.headers, port });
  }).catch(async (error: unknown) => {
    child.kill("SIGKILL");
    await exited;
    throw error;
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await exited;
  };
  return {
    origin: `http://127.0.0.1:${listening}`,
    port: listening,
    pid: child.pid!,
    path: pagePath,
    bodyBytes: page.body.length,
    headers: page.headers,
    stop,
  };
}

/**
 * A page against a bare server sending its own bytes: the page is copied from the server at
 * `origin` as it was sent (kept or prerendered, so already in memory there) into a ceiling
 * of its own, which is measured like the page and stopped. Says what is the site's own cost
 * and what is the page's size (from a bare server, a 10 kB page runs nearly as fast as
 * /about's 2.3 kB here: 30,000–35,000 requests/s against 31,000–36,000).
 */
export async function againstSameBytes(
  origin: string,
  route: Route,
  measured: Pick<RouteResult, "rps">,
  // `idle` waits for the servers to settle, given the copy's pid.
  opts: Omit<Parameters<typeof measureRoute>[2], "settle"> & { portsInUse: ReadonlySet<number>; idle: (copyPid: number) => Promise<void> },
): Promise<NonNullable<RouteResult["sameBytes"]>> {
  const copy = await startCeiling(origin, route.path, { portsInUse: opts.portsInUse });
  try {
    const bare = await measureRoute(copy.origin, { ...route, kind: "ceiling" }, { ...opts, settle: () => opts.idle(copy.pid) });
    return { rps: bare.rps, bodyBytes: copy.bodyBytes, ratio: bare.rps > 0 ? measured.rps / bare.rps : null };
  } finally {
    await copy.stop();
  }
}
