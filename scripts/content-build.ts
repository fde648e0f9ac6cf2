// npm run content:build [-- --content <dir>] [--out <file.db>] [--quiet]
import { parseArgs } from "node:util";
import { config } from "../lib/config";
import { buildContent } from "../lib/content/build";
import { DEFAULT_DATABASE_PATH } from "../lib/data/db-client";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    out: { type: "string", default: config().DATABASE_PATH ?? DEFAULT_DATABASE_PATH },
    quiet: { type: "boolean", default: false },
  },
});

const result = await buildContent({ contentDir: values.content, outFile: values.out });
const seconds = (result.ms / 1000).toFixed(2);

if (!result.ok) {
  console.error(`Content build failed: ${result.problems.length} problem(s). Nothing was written; ${values.out} is unchanged.`);
  for (const p of result.problems) console.error(p);
  process.exit(1);
}

const counts = Object.entries(result.counts)
  .map(([k, v]) => `${k} ${v}`)
  .join(", ");
console.log(`Content build: wrote ${values.out} in ${seconds}s (${counts}).`);
if (!values.quiet && result.grades.length > 0) {
  const sorted = [...result.grades].sort((a, b) => a.grade - b.grade);
  const median = sorted[Math.floor(sorted.length / 2)];
  const worst = sorted[sorted.length - 1];
  console.log(`Summary reading level (Flesch-Kincaid grade): median ${median.grade}, worst ${worst.grade} (${worst.file}).`);
  for (const g of result.grades) console.log(`  grade ${g.grade.toFixed(1).padStart(4)}  ${g.file}`);
}
if (result.overdue.length > 0) {
  console.warn(`Warning: ${result.overdue.length} record(s) are past their next review date:`);
  for (const o of result.overdue) console.warn(`  ${o.file} (due ${o.nextReview})`);
}
