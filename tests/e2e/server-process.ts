// Starting the production server (npm start's command, .next/production-server.mjs) from
// a test, on a port of its own, with the environment the test chooses.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const REPO = process.cwd();
const BUNDLE = path.join(REPO, ".next", "production-server.mjs");

export type RunningServer = { origin: string; port: number; child: ChildProcess; output: () => string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Runs the server in `cwd` (whose .next/ it reads) until it exits: its exit code and output. */
export function runUntilExit(cwd: string, env: Record<string, string> = {}, timeoutMs = 20_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE, "-p", "0", "-H", "127.0.0.1"], { cwd, env: { ...process.env, ...env }, stdio: "pipe" });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`The server did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Starts the server from the repository's build and waits until it answers. */
export async function startServer(env: Record<string, string> = {}, port?: number): Promise<RunningServer> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ["--max-old-space-size=160", BUNDLE, "-p", String(p), "-H", "127.0.0.1"], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: "pipe",
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const origin = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    if (/Childhood Sarcoma Directory on /.test(output)) break;
    if (Date.now() > deadline) throw new Error(`The server did not start within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { origin, port: p, child, output: () => output, stop };
}

/** The pids of a process's children, from /proc. */
export function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        const stat = readFileSync(`/proc/${n}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}
