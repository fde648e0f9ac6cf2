import "server-only";
import { config } from "../config";
import { createPrismaClient } from "./db-client";

type Client = ReturnType<typeof createPrismaClient>;

// One client per server process, kept on globalThis: next build gives pages and route
// handlers separate copies of this module, and next dev reloads it on every edit. Either
// would otherwise open another connection, with another copy of Prisma's query compiler.
const globalForPrisma = globalThis as unknown as { prisma?: Client };

/** Operations run, counted only when COUNT_QUERIES=1 (tests prove pages make no N+1 queries). */
export const queryLog = { count: 0 };

function create(): Client {
  const client = createPrismaClient();
  if (config().COUNT_QUERIES !== "1") return client;
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        queryLog.count++;
        return query(args);
      },
    },
  }) as unknown as Client;
}

export const prisma = (globalForPrisma.prisma ??= create());
