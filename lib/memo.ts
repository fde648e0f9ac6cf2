import { LRUCache } from "lru-cache";

// Per-process memory for work whose answer cannot change while the server runs: the store
// is read-only until a restart. Failures are never kept, so the next call tries again.

/** Runs `load` once per process and shares its answer. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** Keeps the answers for the `max` most recently asked keys; callers asking at once share one run. */
export function recentAnswers<T extends object>(max: number): (key: string, compute: () => Promise<T>) => Promise<T> {
  const answers = new LRUCache<string, Promise<T>>({ max });
  return (key, compute) => {
    let answer = answers.get(key);
    if (!answer) {
      answer = compute();
      answers.set(key, answer);
      answer.catch(() => answers.delete(key));
    }
    return answer;
  };
}
