import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../db-client";
import type { Rows } from "./rows";
import { SEARCH_DDL, insertSearchEntries, type SearchEntry } from "./search-index";

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
 * Writes a fresh store next to `outFile` in one transaction, then renames it over the
 * old one. Until the rename, the old file is untouched; after it, readers see the new
 * file whole. A crash at any point leaves one or the other, never a mix.
 */
export async function writeStore(rows: Rows, search: SearchEntry[], outFile: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  const tmp = `${outFile}.tmp-${process.pid}`;
  removeStaleTemporaryFiles(outFile);
  rmSync(tmp, { force: true });
  const prisma = createPrismaClient(tmp);
  try {
    for (const sql of [...migrationStatements(), SEARCH_DDL]) await prisma.$executeRawUnsafe(sql);
    // Rows are in dependency order, so foreign keys hold as each table is filled.
    await prisma.$transaction(
      async (tx) => {
        for (const [table, data] of Object.entries(rows)) {
          if (data.length === 0) continue;
          const delegate = (tx as unknown as Record<string, { createMany(args: { data: unknown[] }): Promise<unknown> }>)[
            table.charAt(0).toLowerCase() + table.slice(1)
          ];
          await delegate.createMany({ data });
        }
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
  const fd = openSync(tmp, "r");
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, outFile);
}
