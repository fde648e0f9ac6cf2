import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const FIXTURE_CONTENT = path.resolve(import.meta.dirname, "../fixtures/content");

/** A scratch copy of the fixture content folder, to break one file at a time. */
export function copyFixtureContent(): { dir: string; db: string; write: (rel: string, text: string | Buffer) => void } {
  const root = mkdtempSync(path.join(tmpdir(), "csd-content-"));
  const dir = path.join(root, "content");
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  return {
    dir,
    db: path.join(root, "store.db"),
    write: (rel, text) => writeFileSync(path.join(dir, rel), text),
  };
}
