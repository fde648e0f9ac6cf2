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

// What is kept is the answer, never the promise that made it. Node attaches the caller's
// AsyncLocalStorage store to every promise made during a request, and Next's store holds
// the request, its response and the page's buffers: a kept promise kept all of that (half
// a megabyte per listing), and a few hundred kept listings filled the server's heap. A
// promise is kept only while it is pending; once it settles, a plain value takes its place.

type Entry<T> = { value: T } | { pending: Promise<T> };

/** Runs `load` once per process and shares its answer; `name` identifies it across bundles. */
export function once<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  return () => {
    const state = shared(`once:${name}`, () => ({ entry: null as Entry<T> | null }));
    if (state.entry) return "value" in state.entry ? Promise.resolve(state.entry.value) : state.entry.pending;
    const pending = load();
    state.entry = { pending };
    pending.then(
      (value) => {
        state.entry = { value };
      },
      () => {
        state.entry = null;
      },
    );
    return pending;
  };
}

/** Keeps the answers for the `max` most recently asked keys; callers asking at once share one run. */
export function recentAnswers<T extends object>(name: string, max: number): (key: string, compute: () => Promise<T>) => Promise<T> {
  return (key, compute) => {
    const answers = shared(`recent:${name}`, () => new LRUCache<string, Entry<T>>({ max }));
    const entry = answers.get(key);
    if (entry) return "value" in entry ? Promise.resolve(entry.value) : entry.pending;
    const pending = compute();
    const kept: Entry<T> = { pending };
    answers.set(key, kept);
    pending.then(
      (value) => {
        // Unless the key was forgotten or replaced meanwhile.
        if (answers.peek(key) === kept) answers.set(key, { value });
      },
      () => {
        if (answers.peek(key) === kept) answers.delete(key);
      },
    );
    return pending;
  };
}

/**
 * Like recentAnswers, for things asked for many at a time (a page of hospitals): the keys
 * not kept are loaded together by `loadMissing`, and a key it does not return is an error.
 */
export function recentBatch<T extends object>(
  name: string,
  max: number,
): (keys: readonly string[], loadMissing: (keys: string[]) => Promise<Map<string, T>>) => Promise<Map<string, T>> {
  return async (keys, loadMissing) => {
    const kept = shared(`batch:${name}`, () => new LRUCache<string, T>({ max }));
    const found = new Map<string, T>();
    const missing: string[] = [];
    for (const key of new Set(keys)) {
      const value = kept.get(key);
      if (value) found.set(key, value);
      else missing.push(key);
    }
    if (missing.length > 0) {
      const loaded = await loadMissing(missing);
      for (const key of missing) {
        const value = loaded.get(key);
        if (!value) throw new Error(`${name}: nothing found for "${key}".`);
        kept.set(key, value);
        found.set(key, value);
      }
    }
    return found;
  };
}
