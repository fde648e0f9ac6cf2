import type { Problem } from "./read";
import type { SourceInput } from "./schema";

// Checks every kind of record shares: sources listed and used, references, duplicates, review dates.

export type Overdue = { file: string; nextReview: string };
export type SourceUse = { field: string; id: string; unverified?: boolean };

/** Checks that every source id a record uses is listed, that ids are unique, and the directory rule. */
export function checkSources(
  file: string,
  sources: SourceInput[],
  uses: { field: string; id: string; unverified?: boolean }[],
  problems: Problem[],
  sourcesField = "sources",
) {
  const byId = new Map<string, SourceInput>();
  sources.forEach((s, i) => {
    if (byId.has(s.id)) problems.push({ file, field: `${sourcesField}[${i}].id`, message: `duplicate source id "${s.id}"` });
    byId.set(s.id, s);
  });
  const ids = [...byId.keys()];
  for (const use of uses) {
    const source = byId.get(use.id);
    if (!source) {
      problems.push({
        file,
        field: use.field,
        message: `expected one of the ids listed under "${sourcesField}" (${ids.join(", ")}), got "${use.id}"`,
      });
    } else if (source.directory && !use.unverified) {
      problems.push({
        file,
        field: use.field.replace(/\.sources?(\[\d+\])?$/, ".unverified"),
        message: `expected unverified: true, because source "${use.id}" is a third-party directory`,
      });
    }
  }
}

export function refCheck(
  file: string,
  field: string,
  value: string,
  known: Set<string>,
  what: string,
  problems: Problem[],
) {
  if (!known.has(value)) {
    const list = [...known].sort();
    const shown = list.length > 12 ? `${list.slice(0, 12).join(", ")}, ...` : list.join(", ");
    problems.push({ file, field, message: `expected one of the ${what} (${shown}), got "${value}"` });
  }
}

export function duplicates<T>(items: T[], key: (t: T) => string, report: (index: number, k: string) => void) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) report(i, k);
    seen.add(k);
  });
}

export function checkReview(
  file: string,
  data: { reviewed: string; nextReview: string },
  today: string,
  problems: Problem[],
  overdue: Overdue[],
) {
  if (data.nextReview <= data.reviewed) {
    problems.push({ file, field: "nextReview", message: `expected a date after reviewed (${data.reviewed}), got "${data.nextReview}"` });
  }
  if (data.reviewed > today) {
    problems.push({ file, field: "reviewed", message: `expected a date not in the future (today is ${today}), got "${data.reviewed}"` });
  }
  if (data.nextReview < today) overdue.push({ file, nextReview: data.nextReview });
}
