import "server-only";
import { createPrismaClient } from "./db-client";

type Client = ReturnType<typeof createPrismaClient>;

// One client per server process; in development Next reloads modules, so keep it on
// globalThis rather than opening a new connection on every edit.
const globalForPrisma = globalThis as unknown as { prisma?: Client };

/** Operations run, counted only when COUNT_QUERIES=1 (tests prove pages make no N+1 queries). */
export const queryLog = { count: 0 };

function create(): Client {
  const client = createPrismaClient();
  if (process.env.COUNT_QUERIES !== "1") return client;
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        queryLog.count++;
        return query(args);
      },
    },
  }) as unknown as Client;
}

export const prisma = globalForPrisma.prisma ?? create();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
