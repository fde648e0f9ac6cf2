import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/data/db-client";

// Every server process (each worker of npm start) opens its own handle on the store: one
// that can only read, on a file that must exist.
describe("the store client", () => {
  it("reads the store and refuses to write to it", async () => {
    const client = createPrismaClient(inject("fixtureStore"));
    try {
      expect(await client.hospital.count()).toBeGreaterThan(0);
      await expect(client.$executeRawUnsafe("CREATE TABLE written (a)")).rejects.toThrow(/readonly/i);
    } finally {
      await client.$disconnect();
    }
  });

  it("refuses a store that does not exist rather than making an empty one", async () => {
    const missing = path.join(tmpdir(), `csd-no-such-store-${process.pid}.db`);
    const client = createPrismaClient(missing);
    await expect(client.hospital.count()).rejects.toThrow();
    await client.$disconnect().catch(() => undefined);
    expect(existsSync(missing)).toBe(false);
  });
});
