import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { childrenOf, REPO, runUntilExit, startServer } from "./server-process";

// The production server as `npm start` runs it: it refuses to start on a broken build,
// starts without compiling next.config.ts, and keeps serving when a worker dies. Each test
// starts a server of its own from the build the suite made.

test.describe.configure({ mode: "parallel" });

/**
 * A folder that looks like the repository to the server: its .next/ links to the real
 * build's files, except those `change` rewrites or removes.
 */
function brokenBuild(change: (dotNext: string) => void): string {
  const root = mkdtempSync(path.join(tmpdir(), "csd-broken-build-"));
  const dotNext = path.join(root, ".next");
  cpSync(path.join(REPO, ".next"), dotNext, {
    recursive: true,
    // Only what the server reads before it starts is copied; the rest is linked.
    filter: (src) =>
      !src.includes(`${path.sep}server${path.sep}`) && !src.includes(`${path.sep}static${path.sep}`) && !src.includes(`${path.sep}cache${path.sep}`),
  });
  symlinkSync(path.join(REPO, "node_modules"), path.join(root, "node_modules"));
  change(dotNext);
  return root;
}

const cases: { name: string; file: string; change: (dotNext: string) => void }[] = [
  { name: "the served pages' list is missing", file: ".next/served/pages.json", change: (d) => rmSync(path.join(d, "served", "pages.json")) },
  {
    name: "a served page's file is missing",
    file: ".next/served/pages.json",
    change: (d) =>
      rmSync(
        path.join(
          d,
          "served",
          readdirSync(path.join(d, "served")).find((f) => f.endsWith(".br"))!,
        ),
      ),
  },
  {
    name: "the served pages are from another build",
    file: ".next/served/pages.json",
    change: (d) => writeFileSync(path.join(d, "BUILD_ID"), "another-build"),
  },
  {
    name: "Next's prerender manifest has another shape",
    file: ".next/prerender-manifest.json",
    change: (d) => {
      const file = path.join(d, "prerender-manifest.json");
      const m = JSON.parse(readFileSync(file, "utf8")) as { version: number; routes: Record<string, Record<string, unknown>> };
      for (const r of Object.values(m.routes)) delete r.initialRevalidateSeconds;
      writeFileSync(file, JSON.stringify(m));
    },
  },
  {
    name: "the resolved configuration is missing",
    file: ".next/required-server-files.json",
    change: (d) => rmSync(path.join(d, "required-server-files.json")),
  },
  {
    name: "the resolved configuration is not JSON",
    file: ".next/required-server-files.json",
    change: (d) => writeFileSync(path.join(d, "required-server-files.json"), "{"),
  },
];

for (const c of cases) {
  test(`refuses to start, naming the file and what to run, when ${c.name}`, async () => {
    const root = brokenBuild(c.change);
    try {
      const { code, output } = await runUntilExit(root);
      expect(code).toBe(1);
      expect(output).toContain("The production server cannot start");
      expect(output).toContain(c.file);
      expect(output).toContain("npm run build");
      // It stops before starting any worker.
      expect(output).not.toContain("Worker");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}

test("refuses a WEB_CONCURRENCY it cannot use", async () => {
  const { code, output } = await runUntilExit(REPO, { WEB_CONCURRENCY: "none" });
  expect(code).toBe(1);
  expect(output).toContain('WEB_CONCURRENCY="none"');
});

test("starts one worker per WEB_CONCURRENCY, compiles no next.config.ts, and replaces a worker that dies while the other serves", async () => {
  const server = await startServer({ WEB_CONCURRENCY: "2" });
  try {
    expect(server.output()).toContain("2 worker(s)");
    // Starting from the resolved configuration (a private variable of Next's, pinned here):
    // had Next compiled next.config.ts, it would say so.
    expect(server.output()).not.toMatch(/next\.config\.ts/);
    const workers = childrenOf(server.child.pid!);
    expect(workers).toHaveLength(2);

    process.kill(workers[0], "SIGKILL");
    await expect.poll(() => server.output(), { timeout: 15_000 }).toContain(`Worker ${workers[0]} stopped (SIGKILL); starting another.`);
    // While its replacement starts, every request is answered by the other worker.
    for (let i = 0; i < 20; i++) {
      for (const url of ["/about", `/hospitals?city=london&page=${(i % 2) + 1}`]) expect((await fetch(`${server.origin}${url}`)).status, url).toBe(200);
    }
    await expect.poll(() => childrenOf(server.child.pid!).filter((p) => p !== workers[0]).length, { timeout: 20_000 }).toBe(2);
    expect((await fetch(`${server.origin}/hospitals/great-ormond-street`)).status).toBe(200);
  } finally {
    await server.stop();
  }
});
