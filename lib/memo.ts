import { LRUCache } from "lru-cache";

// Per-process memory for work whose answer cannot change while the server runs: the store
// is read-only until a restart. Failures are never kept, so the next call tries again.
//
// next build gives pages and route handlers separate copies of lib/ modules, so a
// module-level variable would hold one copy of the hospital index per bundle (at 10,000
// hospitals, 27 MB more once /api/hospitals is asked). In production every copy of this
// module keeps its state in one registry on globalThis, by name; in development and tests
// each copy keeps its own, so an edited module starts afresh.

const REGISTRY = Symbol.for("childhood-sarcoma-directory.memo");
const ownRegistry = new Map<string, unknown>();

function registry(): Map<string, unknown> {
  if (process.env.NODE_ENV !== "production") return ownRegistry;
  const g = globalThis as { [REGISTRY]?: Map<string, unknown> };
  return (g[REGISTRY] ??= new Map());
}

/** The process's one value called `name`, made by `make` the first time it is asked for. */
function shared<T>(name: string, make: () => T): T {
  const r = registry();
  if (!r.has(name)) r.set(name, make());
  return r.get(name) as T;
}

/** Runs `load` once per process and shares its answer; `name` identifies it across bundles. */
export function once<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  return () => {
    const state = shared(`once:${name}`, () => ({ pending: null as Promise<T> | null }));
    state.pending ??= load().catch((error: unknown) => {
      state.pending = null;
      throw error;
    });
    return state.pending;
  };
}

/** Keeps the answers for the `max` most recently asked keys; callers asking at once share one run. */
export function recentAnswers<T extends object>(name: string, max: number): (key: string, compute: () => Promise<T>) => Promise<T> {
  return (key, compute) => {
    const answers = shared(`recent:${name}`, () => new LRUCache<string, Promise<T>>({ max }));
    let answer = answers.get(key);
    if (!answer) {
      answer = compute();
      answers.set(key, answer);
      answer.catch(() => answers.delete(key));
    }
    return answer;
  };
}
