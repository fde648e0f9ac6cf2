import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/lib/content/build";
import { copyFixtureContent } from "../support/content";

const TODAY = "2026-11-23";
const BROKEN = path.resolve(import.meta.dirname, "../fixtures/broken");
const expected = JSON.parse(readFileSync(path.join(BROKEN, "expected.json"), "utf8")) as Record<string, { to: string; message: string }>;

async function buildWith(to: string, content: string | Buffer) {
  const c = copyFixtureContent();
  expect((await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false })).ok).toBe(true);
  const before = readFileSync(c.db);
  c.write(to, content);
  const result = await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false });
  return { result, unchanged: readFileSync(c.db).equals(before), c };
}

describe("broken content fixtures are each rejected with file and field, and the store is kept", () => {
  for (const [file, { to, message }] of Object.entries(expected)) {
    it(file, async () => {
      const { result, unchanged } = await buildWith(to, readFileSync(path.join(BROKEN, file)));
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.problems).toContainEqual(expect.stringContaining(`${to}: ${message}`));
      expect(unchanged).toBe(true);
    });
  }

  const generated: [string, Buffer, string][] = [
    ["non-UTF-8 bytes", Buffer.from("---\nname: Caf\xe9 Hospital\n---\n", "latin1"), "the file is not valid UTF-8 text"],
    ["a binary file", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), "the file contains NUL bytes"],
    ["a 5 MB file", Buffer.concat([Buffer.from("---\nname: Big\n---\n"), Buffer.alloc(5 * 1024 * 1024, "a")]), "the file is 5.0 MB: expected at most 1 MB"],
  ];
  for (const [name, bytes, message] of generated) {
    it(name, async () => {
      const { result, unchanged } = await buildWith("hospitals/broken.md", bytes);
      expect(result.ok ? [] : result.problems).toContainEqual(expect.stringContaining(`hospitals/broken.md: ${message}`));
      expect(unchanged).toBe(true);
    });
  }

  it("a script tag, event handlers and javascript: links in a body are stripped, not rejected", async () => {
    const { result, c } = await buildWith("hospitals/broken.md", readFileSync(path.join(BROKEN, "script-in-body.md")));
    expect(result.ok ? [] : result.problems).toEqual([]);
    const db = new Database(c.db, { readonly: true });
    const { bodyHtml } = db.prepare("SELECT bodyHtml FROM Hospital WHERE slug = 'broken'").get() as { bodyHtml: string };
    db.close();
    expect(bodyHtml).toContain("Hello");
    expect(bodyHtml).not.toMatch(/<script|onerror|onclick|javascript:|<img/i);
  });
});

describe("a build killed at random points", () => {
  it("always leaves the previous store usable", async () => {
    const c = copyFixtureContent();
    const real = path.resolve(import.meta.dirname, "../../content");
    expect((await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false })).ok).toBe(true);
    const cli = path.resolve(import.meta.dirname, "../../scripts/content-build.ts");
    // One process, so SIGKILL stops the writer itself (the tsx binary would fork a child).
    const kills: number[] = [];
    for (let i = 0; i < 8; i++) {
      // The real content takes a few seconds to build, so kills land in reading, validating and writing.
      const delay = 300 + Math.floor(Math.random() * 3500);
      const child = spawn(process.execPath, ["--import", "tsx", cli, "--content", real, "--out", c.db, "--quiet"], { stdio: "ignore" });
      const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
      const timer = setTimeout(() => child.kill("SIGKILL"), delay);
      await exited;
      clearTimeout(timer);
      kills.push(delay);
      const db = new Database(c.db, { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const { n } = db.prepare("SELECT count(*) AS n FROM Hospital").get() as { n: number };
      db.close();
      // Either the old store (4 fixture hospitals) or the whole new one, never a mix.
      expect([4, readdirSync(path.join(real, "hospitals")).filter((f) => f.endsWith(".md")).length]).toContain(n);
    }
    expect(kills).toHaveLength(8);
    // The next build clears what the killed ones left behind.
    expect((await buildContent({ contentDir: c.dir, outFile: c.db, today: TODAY, gazetteer: false })).ok).toBe(true);
    expect(readdirSync(path.dirname(c.db)).filter((n) => n.includes(".tmp-"))).toEqual([]);
  }, 120_000);
});
