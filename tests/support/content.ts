import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const FIXTURE_CONTENT = path.resolve(import.meta.dirname, "../fixtures/content");

/** `n` more hospitals in a scratch copy, each a renamed copy of beta-childrens (a store bigger than one page). */
export function addCopiesOfHospital(c: { dir: string; write: (rel: string, text: string) => void }, n: number): void {
  const template = readFileSync(path.join(c.dir, "hospitals/beta-childrens.md"), "utf8");
  for (let i = 0; i < n; i++) {
    c.write(
      `hospitals/extra-${i}.md`,
      template
        .replace(/Beta Childrens Hospital/g, `Extra Hospital ${i}`)
        .replace(/beta-childrens/g, `extra-${i}`)
        .replace("000 0002", `100 ${i}`),
    );
  }
}

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
