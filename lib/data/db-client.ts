import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { config } from "../config";
import { PrismaClient } from "../../generated/prisma/client";

/** Where the store lives: DATABASE_PATH, or the file the content build writes by default. */
export const DEFAULT_DATABASE_PATH = "data/directory.db";

export function databasePath(): string {
  const configured = config().DATABASE_PATH;
  return configured ? path.resolve(/* turbopackIgnore: true */ configured) : path.join(process.cwd(), "data", "directory.db");
}

/**
 * The one way this project makes a Prisma client: SQLite through better-sqlite3, read-only
 * (the content build is the only writer, and it writes a new file), on a store that must
 * exist: a missing one is an error, not a new empty file.
 */
export function createPrismaClient(file: string = databasePath()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}`, readonly: true, fileMustExist: true }) });
}
