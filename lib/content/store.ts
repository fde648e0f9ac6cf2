import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PLACE_SEARCH_TABLE, SEARCH_TABLE } from "../domain";
import { PLACE_SEARCH_DDL } from "./place-rows";
import { SEARCH_DDL, type SearchEntry } from "./search-index";

/** Every table's rows, in dependency order, with column names as keys. */
export type Tables = Record<string, readonly object[]>;

const MIGRATIONS = path.join(import.meta.dirname, "..", "..", "prisma", "migrations");

/** The schema's SQL, statement by statement, in migration order. */
export function migrationStatements(dir = MIGRATIONS): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((name) =>
      readFileSync(path.join(dir, name, "migration.sql"), "utf8")
        .replace(/^--.*$/gm, "")
        .split(/;\s*$/m)
        .map((s) => s.trim())
        .filter(Boolean),
    );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A build killed mid-write leaves `<out>.tmp-<pid>`; remove those whose build is gone. */
function removeStaleTemporaryFiles(outFile: string) {
  const dir = path.dirname(path.resolve(outFile));
  const prefix = `${path.basename(outFile)}.tmp-`;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    // `<out>.tmp-<pid>` and SQLite's `-journal` beside it.
    const pid = Number(name.slice(prefix.length).match(/^(\d+)(-journal|-wal|-shm)?$/)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Every table's rows through better-sqlite3's prepared statements, in one transaction.
 * The rows are already validated and shaped like the tables, so each is one bound INSERT;
 * through Prisma (createMany, then multi-row raw SQL) writing them took most of a large
 * build's time. Columns are the rows' keys; tests/unit/schema-sql.test.ts keeps them and
 * the schema in step. Foreign keys are on, and the tables come in dependency order.
 */
function insertAll(db: Database.Database, tables: Tables): void {
  db.pragma("foreign_keys = ON");
  db.transaction(() => {
    for (const [table, data] of Object.entries(tables)) {
      if (data.length === 0) continue;
      const columns = [...new Set(data.flatMap((r) => Object.keys(r)))];
      const insert = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
      for (const row of data) {
        insert.run(
          ...columns.map((c) => {
            const v = (row as Record<string, unknown>)[c];
            return typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null);
          }),
        );
      }
    }
  })();
}

/**
 * Writes a fresh store next to `outFile` in one transaction, then renames it over the
 * old one. Until the rename, the old file is untouched; after it, readers see the new
 * file whole. A crash at any point leaves one or the other, never a mix.
 * `places` are the gazetteer's tables (lib/content/place-rows.ts), written after `rows`.
 */
export async function writeStore(rows: Tables, search: SearchEntry[], places: { tables: Tables; placeKeys: readonly string[] }, outFile: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  const tmp = `${outFile}.tmp-${process.pid}`;
  removeStaleTemporaryFiles(outFile);
  rmSync(tmp, { force: true });
  try {
    const db = new Database(tmp);
    try {
      for (const sql of [...migrationStatements(), SEARCH_DDL, PLACE_SEARCH_DDL]) db.exec(sql);
      insertAll(db, {
        ...rows,
        [SEARCH_TABLE]: search,
        ...places.tables,
        [PLACE_SEARCH_TABLE]: places.placeKeys.map((key) => ({ key })),
      });
    } finally {
      db.close();
    }
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  const fd = openSync(tmp, "r");
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, outFile);
}
