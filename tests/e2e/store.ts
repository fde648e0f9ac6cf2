import path from "node:path";
import Database from "better-sqlite3";

/** Raw SQL over the store the server is using: an oracle independent of lib/ queries. */
export function queryStore<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.resolve(process.env.DATABASE_PATH ?? "data/directory.db"), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
