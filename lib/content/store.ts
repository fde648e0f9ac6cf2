import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createPrismaClient } from "../db-client";
import { PLACE_SEARCH_DDL, PLACE_SEARCH_TABLE } from "./place-rows";
import { SEARCH_DDL, insertSearchEntries, type SearchEntry } from "./search-index";

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

type RawExecutor = { $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> };

// SQLite allows 32,766 bound values per statement; stay well below.
const MAX_VALUES_PER_STATEMENT = 8000;

/**
 * Multi-row INSERTs with every value a bound parameter. The build writes this way rather
 * than with createMany: the rows are already validated and shaped like the tables, and
 * createMany's per-row query compilation made most of a 10,000-hospital build's time.
 * Columns are the rows' keys; tests/unit/schema-sql.test.ts keeps them and the schema in step.
 */
async function insertRows(db: RawExecutor, table: string, data: readonly object[]): Promise<void> {
  if (data.length === 0) return;
  const columns = [...new Set(data.flatMap((r) => Object.keys(r)))];
  const perStatement = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / columns.length));
  const row = `(${columns.map(() => "?").join(", ")})`;
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  for (let i = 0; i < data.length; i += perStatement) {
    const batch = data.slice(i, i + perStatement);
    const values: unknown[] = [];
    for (const r of batch) {
      for (const c of columns) {
        const v = (r as Record<string, unknown>)[c];
        values.push(typeof v === "boolean" ? (v ? 1 : 0) : v === undefined ? null : v);
      }
    }
    await db.$executeRawUnsafe(head + batch.map(() => row).join(", "), ...values);
  }
}

/**
 * Writes a fresh store next to `outFile` in one transaction, then renames it over the
 * old one. Until the rename, the old file is untouched; after it, readers see the new
 * file whole. A crash at any point leaves one or the other, never a mix.
 */
/**
 * The gazetteer's hundreds of thousands of rows, through better-sqlite3's prepared
 * statements: through Prisma's raw SQL they took most of the build's time. Written into
 * the temporary file before it is renamed, so a failure still leaves the old store.
 */
function insertBulk(file: string, tables: Tables, placeKeys: readonly string[]): void {
  const db = new Database(file);
  try {
    db.transaction(() => {
      for (const [table, data] of Object.entries(tables)) {
        if (data.length === 0) continue;
        const columns = Object.keys(data[0]);
        const insert = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
        for (const row of data) insert.run(...columns.map((c) => (row as Record<string, unknown>)[c] ?? null));
      }
      const insertKey = db.prepare(`INSERT INTO "${PLACE_SEARCH_TABLE}" (key) VALUES (?)`);
      for (const key of placeKeys) insertKey.run(key);
    })();
  } finally {
    db.close();
  }
}

/**
 * `bulk` are the gazetteer's tables (lib/content/place-rows.ts), written after `rows`.
 */
export async function writeStore(rows: Tables, search: SearchEntry[], bulk: { tables: Tables; placeKeys: readonly string[] }, outFile: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  const tmp = `${outFile}.tmp-${process.pid}`;
  removeStaleTemporaryFiles(outFile);
  rmSync(tmp, { force: true });
  const prisma = createPrismaClient(tmp);
  try {
    for (const sql of [...migrationStatements(), SEARCH_DDL, PLACE_SEARCH_DDL]) await prisma.$executeRawUnsafe(sql);
    // Rows are in dependency order, so foreign keys hold as each table is filled.
    await prisma.$transaction(
      async (tx) => {
        for (const [table, data] of Object.entries(rows)) await insertRows(tx, table, data);
        await insertSearchEntries(tx, search);
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  } catch (error) {
    await prisma.$disconnect();
    rmSync(tmp, { force: true });
    throw error;
  }
  await prisma.$disconnect();
  try {
    insertBulk(tmp, bulk.tables, bulk.placeKeys);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  const fd = openSync(tmp, "r");
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, outFile);
}
