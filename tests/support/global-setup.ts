import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildContent } from "@/lib/content/build";
import { FIXTURE_CONTENT } from "./content";

declare module "vitest" {
  export interface ProvidedContext {
    /** A store the content build wrote from tests/fixtures/content, gazetteer included. Shared by test files: copy it to change it. */
    fixtureStore: string;
  }
}

// The fixture store with the whole gazetteer takes seconds to write, and several test files
// only read it: it is written once for the run, and those files read it and never write it.
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "csd-fixture-store-"));
  const db = path.join(dir, "store.db");
  const result = await buildContent({ contentDir: FIXTURE_CONTENT, outFile: db, today: "2026-11-23" });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  project.provide("fixtureStore", db);
  return () => rmSync(dir, { recursive: true, force: true });
}
