import { describe, expect, it } from "vitest";
import { once, recentAnswers } from "@/lib/memo";

describe("once", () => {
  it("shares one run, and tries again after a failure", async () => {
    let runs = 0;
    const load = once(async () => {
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
    const answer = recentAnswers<{ key: string }>(2);
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
