// `prisma generate` needs no schema engine, but the CLI looks for one at start and tries
// to download it, which fails offline. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file satisfies that check; generate itself never runs it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);

const result = spawnSync("prisma", ["generate"], { stdio: "inherit", env, shell: process.platform === "win32" });
process.exit(result.status ?? 1);
