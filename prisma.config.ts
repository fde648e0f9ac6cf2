import { defineConfig } from "prisma/config";

// The Prisma CLI is used only for `prisma generate` (see scripts/prisma-generate.mjs):
// the store is built by scripts/content-build.ts from prisma/migrations/*.sql.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/directory.db" },
});
