import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrationStatements } from "@/lib/content/store";

// Proves prisma/schema.prisma (through the client generated from it) and the SQL in
// prisma/migrations/ describe the same tables, since the CLI that would diff them
// cannot run offline.

type RuntimeField = { name: string; kind: "scalar" | "object" | "enum"; type: string };
type RuntimeModel = { fields: RuntimeField[] };

const root = path.resolve(import.meta.dirname, "../..");

function generatedModels(): Record<string, RuntimeModel> {
  const source = readFileSync(path.join(root, "generated/prisma/internal/class.ts"), "utf8");
  const match = source.match(/config\.runtimeDataModel = JSON\.parse\(("(?:[^"\\]|\\.)*")\)/);
  if (!match) throw new Error("runtimeDataModel not found in the generated client");
  return (JSON.parse(JSON.parse(match[1]) as string) as { models: Record<string, RuntimeModel> }).models;
}

/** Optional scalar fields, from the schema text (the runtime model does not carry them). */
function optionalFields(): Set<string> {
  const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
  const out = new Set<string>();
  for (const block of schema.matchAll(/model (\w+) \{([\s\S]*?)\n\}/g)) {
    for (const line of block[2].split("\n")) {
      const m = line.trim().match(/^(\w+)\s+(\w+)\?/);
      if (m) out.add(`${block[1]}.${m[1]}`);
    }
  }
  return out;
}

const SQLITE_TYPE: Record<string, string> = { String: "TEXT", Int: "INTEGER", Float: "REAL", Boolean: "BOOLEAN", DateTime: "DATETIME" };

function sqlDatabase() {
  const db = new Database(":memory:");
  for (const statement of migrationStatements(path.join(root, "prisma/migrations"))) db.exec(statement);
  return db;
}

describe("prisma/schema.prisma and prisma/migrations agree", () => {
  const models = generatedModels();
  const optional = optionalFields();
  const db = sqlDatabase();
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);

  it("has a table for every model and no table the schema lacks", () => {
    expect(Object.keys(models).length).toBeGreaterThan(10);
    expect([...tables].sort()).toEqual(Object.keys(models).sort());
  });

  for (const [model, { fields }] of Object.entries(models)) {
    it(`${model}: every scalar field is a column of the right type and nullability, and nothing more`, () => {
      const columns = db.prepare(`PRAGMA table_info("${model}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
      const scalars = fields.filter((f) => f.kind === "scalar");
      expect(columns.map((c) => c.name).sort()).toEqual(scalars.map((f) => f.name).sort());
      for (const field of scalars) {
        const column = columns.find((c) => c.name === field.name)!;
        expect(column.type, `${model}.${field.name} type`).toBe(SQLITE_TYPE[field.type]);
        const nullable = optional.has(`${model}.${field.name}`);
        expect(column.notnull === 1 || column.pk > 0, `${model}.${field.name} NOT NULL`).toBe(!nullable);
      }
    });
  }

  it("has every @@index and @@unique of the schema as an index", () => {
    const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const expected: string[] = [];
    for (const block of schema.matchAll(/model (\w+) \{([\s\S]*?)\n\}/g)) {
      for (const m of block[2].matchAll(/@@(index|unique)\(\[([^\]]+)\]\)/g)) {
        const cols = m[2].split(",").map((c) => c.trim());
        expected.push(`${block[1]}_${cols.join("_")}_${m[1] === "index" ? "idx" : "key"}`);
      }
      for (const line of block[2].split("\n")) {
        const u = line.trim().match(/^(\w+)\s+\w+.*@unique/);
        if (u) expected.push(`${block[1]}_${u[1]}_key`);
      }
    }
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
      (i) => i.name,
    );
    expect(indexes.sort()).toEqual(expected.sort());
  });
});
