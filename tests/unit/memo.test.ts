import { afterEach, describe, expect, it, vi } from "vitest";
import { once, recentAnswers } from "@/lib/memo";

describe("once", () => {
  it("shares one run, and tries again after a failure", async () => {
    let runs = 0;
    const load = once("test-once", async () => {
      runs++;
      if (runs === 1) throw new Error("store not ready");
      return runs;
    });
    await expect(load()).rejects.toThrow("store not ready");
    expect(await Promise.all([load(), load()])).toEqual([2, 2]);
    expect(runs).toBe(2);
  });
});

describe("recentAnswers", () => {
  it("shares answers by key, forgets failures and the least recent key", async () => {
    const runs: string[] = [];
    const answer = recentAnswers<{ key: string }>("test-recent", 2);
    const compute = (key: string) => async () => {
      runs.push(key);
      if (key === "bad") throw new Error("no");
      return { key };
    };
    await Promise.all([answer("a", compute("a")), answer("a", compute("a"))]);
    await expect(answer("bad", compute("bad"))).rejects.toThrow();
    await expect(answer("bad", compute("bad"))).rejects.toThrow();
    await answer("b", compute("b"));
    await answer("c", compute("c")); // "a" is now the least recent of three: forgotten
    await answer("a", compute("a"));
    expect(runs).toEqual(["a", "bad", "bad", "b", "c", "a"]);
  });
});

describe("copies of lib/memo (next build gives pages and route handlers one each)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("childhood-sarcoma-directory.memo")];
  });

  /** Two separately evaluated copies of the module, each asked for the same named value. */
  async function runsAcrossTwoCopies(): Promise<number> {
    let runs = 0;
    const load = async () => ++runs;
    vi.resetModules();
    const first = await import("@/lib/memo");
    vi.resetModules();
    const second = await import("@/lib/memo");
    expect(first).not.toBe(second);
    await first.once("index", load)();
    await second.once("index", load)();
    const listing = async () => ({ runs: ++runs });
    await first.recentAnswers("listings", 10)("page-1", listing);
    await second.recentAnswers("listings", 10)("page-1", listing);
    return runs;
  }

  it("share one answer per name in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(await runsAcrossTwoCopies()).toBe(2);
  });

  it("keep their own outside production, so an edited module starts afresh", async () => {
    vi.stubEnv("NODE_ENV", "development");
    expect(await runsAcrossTwoCopies()).toBe(4);
  });
});
