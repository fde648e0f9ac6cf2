import { availableParallelism } from "node:os";
import { z } from "zod";

// The environment this site reads, in one place, checked once per read: a value that is
// set but wrong stops the process with the variable's name and what was expected, instead
// of a page quietly linking to the wrong host or a server listening on port NaN.
// Every variable is optional; the defaults are the ones a fresh clone runs on.

const DEFAULT_SITE_URL = "http://localhost:3000";

const envSchema = z.object({
  /** The public origin, for canonical links, the sitemap and robots.txt. No trailing slash. */
  SITE_URL: z
    .url({ protocol: /^https?$/, error: "expected an http(s) URL such as https://example.org" })
    .default(DEFAULT_SITE_URL)
    .transform((url) => url.replace(/\/+$/, "")),
  /** The SQLite store; the content build writes data/directory.db when this is unset. */
  DATABASE_PATH: z.string().min(1, "expected a file path").optional(),
  /** "1" counts Prisma operations (the query-count test); anything else leaves them uncounted. */
  COUNT_QUERIES: z.enum(["0", "1"], { error: 'expected "1" (count queries) or "0"' }).default("0"),
  /** Each worker's page cache, in megabytes (kept pages, compressed: about 1,500 listing pages in 64). */
  RENDER_CACHE_MB: z.coerce.number({ error: "expected a number of megabytes" }).positive("expected more than 0 MB").default(64),
  /** How many worker processes `npm start` runs: one per core unless set. */
  WEB_CONCURRENCY: z.coerce
    .number({ error: "expected a number of workers" })
    .int("expected a whole number of workers")
    .min(1, "expected at least 1 worker")
    .max(64, "expected at most 64 workers")
    .default(() => availableParallelism()),
  /** How long a browser or shared cache may use a page before revalidating it, in seconds. */
  CACHE_MAX_AGE: z.coerce.number({ error: "expected a number of seconds" }).int().min(0).max(31_536_000).default(300),
  /** How long after that a cache may still send its copy while it revalidates (stale-while-revalidate). */
  CACHE_STALE_SECONDS: z.coerce.number({ error: "expected a number of seconds" }).int().min(0).max(31_536_000).default(3600),
  /** The production server's port and host (the -p and -H options win over these). */
  PORT: z.coerce.number({ error: "expected a port number" }).int().min(0).max(65_535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
});

export type Config = z.infer<typeof envSchema>;

/** Every problem in `env`, one line each, or the validated configuration. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty value counts as unset, as it does for most tools (`SITE_URL= npm start`).
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(set);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".")}=${JSON.stringify(set[String(i.path[0])] ?? "")}: ${i.message}`);
  throw new Error(`The environment has ${lines.length === 1 ? "a value" : `${lines.length} values`} this site cannot use:\n${lines.join("\n")}`);
}

/** The configuration from process.env, read at call time (tests set variables as they go). */
export function config(): Config {
  return parseConfig(process.env);
}
