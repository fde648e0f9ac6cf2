import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import yaml from "js-yaml";
import type { z } from "zod";
import { SLUG } from "../domain";

/** One thing wrong with the content, reported as `file: field "x": message`. */
export type Problem = { file: string; field?: string; message: string };

export function formatProblem(p: Problem): string {
  return p.field ? `${p.file}: field "${p.field}": ${p.message}` : `${p.file}: ${p.message}`;
}

export type RawFile = { file: string; slug: string; data: Record<string, unknown>; body: string };

const MAX_BYTES = 1024 * 1024;

/**
 * Reads one markdown file with YAML front matter. Every way a file can be unreadable
 * (empty, binary, not UTF-8, too large, no front matter, invalid YAML) is a Problem,
 * never an exception.
 */
export function readContentFile(absPath: string, displayPath: string): RawFile | Problem {
  const problem = (message: string): Problem => ({ file: displayPath, message });
  const base = path.basename(absPath, ".md");
  if (!SLUG.test(base)) {
    return problem(`file name: expected a kebab-case slug such as "great-ormond-street.md", got "${base}.md"`);
  }
  const size = statSync(absPath).size;
  if (size === 0) return problem("the file is empty: expected YAML front matter between --- lines");
  if (size > MAX_BYTES) return problem(`the file is ${(size / 1048576).toFixed(1)} MB: expected at most 1 MB`);
  const bytes = readFileSync(absPath);
  if (bytes.includes(0)) return problem("the file contains NUL bytes: expected a UTF-8 text file, not a binary file");
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return problem("the file is not valid UTF-8 text: save it as UTF-8");
  }
  if (!/^\uFEFF?---\r?\n/.test(source)) {
    return problem('expected the file to start with YAML front matter: a line "---", the fields, then "---"');
  }
  if (!/\r?\n---\s*(\r?\n|$)/.test(source.replace(/^\uFEFF?---/, ""))) {
    return problem('the front matter is not closed: expected a second "---" line after the fields');
  }
  try {
    const parsed = matter(source, {
      engines: {
        // YAML 1.2 core schema: dates stay strings; js-yaml rejects duplicate keys.
        yaml: (s: string) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object,
      },
    });
    const data = parsed.data;
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      return problem("expected the front matter to be a set of fields (key: value)");
    }
    return { file: displayPath, slug: base, data: data as Record<string, unknown>, body: parsed.content };
  } catch (error) {
    // gray-matter passes the front matter from the end of the opening "---" line, so its
    // zero-based line numbers are the file's one-based ones.
    const line = error instanceof yaml.YAMLException && error.mark ? ` at line ${error.mark.line + 1}` : "";
    const detail = error instanceof yaml.YAMLException ? error.reason : error instanceof Error ? error.message.split("\n")[0] : String(error);
    return problem(`invalid YAML in the front matter${line}: ${detail}`);
  }
}

/** Lists `*.md` files in a folder (sorted, so builds are deterministic); missing folder = none. */
export function listMarkdown(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith(".md") && n !== "README.md").sort();
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

function fieldPath(segments: ReadonlyArray<PropertyKey>): string {
  return segments
    .map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join("");
}

/** Turns zod issues into Problems that name the field, what was expected and what was found. */
export function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const field = fieldPath(issue.path);
    const got = "input" in issue ? issue.input : undefined;
    switch (issue.code) {
      case "invalid_type":
        return got === undefined
          ? { file, field, message: `is required: expected ${issue.expected}` }
          : { file, field, message: `expected ${issue.expected}, got ${describe(got)}` };
      case "invalid_value":
        return {
          file,
          field,
          message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${describe(got)}`,
        };
      case "unrecognized_keys":
        return issue.keys.length === 1
          ? { file, field: field ? `${field}.${issue.keys[0]}` : issue.keys[0], message: "unknown field: check the spelling against content/README.md" }
          : { file, field: field || "(top level)", message: `unknown fields ${issue.keys.join(", ")}: check the spelling against content/README.md` };
      default:
        return { file, field: field || "(top level)", message: got === undefined ? issue.message : `${issue.message}, got ${describe(got)}` };
    }
  });
}
