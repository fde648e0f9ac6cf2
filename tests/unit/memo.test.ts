import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { once, recentAnswers, recentBatch } from "@/lib/data/memo";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

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

describe("recentBatch", () => {
  it("loads only the keys it does not keep, all at once, and fails on a key the loader did not find", async () => {
    const asked: string[][] = [];
    const batch = recentBatch<{ key: string }>("test-batch", 3);
    const load = async (keys: string[]) => {
      asked.push(keys);
      return new Map(keys.filter((k) => k !== "gone").map((k) => [k, { key: k }]));
    };
    expect([...(await batch(["a", "b", "a"], load)).keys()]).toEqual(["a", "b"]);
    expect((await batch(["b", "c"], load)).get("c")).toEqual({ key: "c" });
    await expect(batch(["gone"], load)).rejects.toThrow('test-batch: nothing found for "gone"');
    await batch(["d"], load); // keeps three: "a" is the least recent, forgotten
    await batch(["a", "c", "d"], load);
    expect(asked).toEqual([["a", "b"], ["c"], ["gone"], ["d"], ["a"]]);
  });
});

describe("what is kept", () => {
  // Next keeps each request's response and page in an AsyncLocalStorage store, which Node
  // attaches to every promise made during the request. Keeping the promise kept the request.
  it("is the answer, not the request it was asked in", async () => {
    const requestStore = new AsyncLocalStorage<{ page: Uint8Array }>();
    const answer = recentAnswers<{ n: number }>("test-context", 10);
    const keepOnce = once("test-context-once", async () => ({ n: 2 }));
    let request: WeakRef<object> | undefined;
    await (async () => {
      const store = { page: new Uint8Array(1 << 20) };
      request = new WeakRef(store);
      await requestStore.run(store, async () => {
        await answer("k", async () => ({ n: 1 }));
        await keepOnce();
      });
    })();
    await new Promise((r) => setTimeout(r, 0));
    gc();
    expect(request!.deref()).toBeUndefined();
    // And the answers are still kept.
    expect(await answer("k", async () => ({ n: 99 }))).toEqual({ n: 1 });
    expect(await keepOnce()).toEqual({ n: 2 });
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
    const first = await import("@/lib/data/memo");
    vi.resetModules();
    const second = await import("@/lib/data/memo");
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
