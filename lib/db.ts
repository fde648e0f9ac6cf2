import "server-only";
import { createPrismaClient } from "./db-client";

// One client per server process; in development Next reloads modules, so keep it on
// globalThis rather than opening a new connection on every edit.
const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };

export const prisma = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
