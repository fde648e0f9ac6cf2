// Plain-text tables, the machine description and PASS/MISS lines shared by the
// benchmark and the Lighthouse run.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";

export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  kernel: string;
  loadAverage: number[];
};

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    kernel: os.release(),
    loadAverage: loadAverage(),
  };
}

export function loadAverage(): number[] {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);
  } catch {
    return os.loadavg().map((n) => Math.round(n * 100) / 100);
  }
}

export type Target = { id: string; description: string; value: string; limit: string; pass: boolean | null };

/** Right-aligns numbers, left-aligns text; the first row is the header. */
export function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const numeric = cells[0].map((_, i) => cells.slice(1).every((r) => /^>?[-+]?[\d.,]+(?:\s?[a-zA-Z%×]*)?$|^(n\/a|-)$/.test(r[i] ?? "")));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export function verdict(pass: boolean | null): string {
  return pass === null ? "n/a" : pass ? "PASS" : "MISS";
}

export function targetTable(targets: Target[]): string {
  return table([["target", "measured", "limit", "result"], ...targets.map((t) => [t.description, t.value, t.limit, verdict(t.pass)])]);
}

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString("en-GB"),
  ms: (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString()),
  pct: (n: number | null) => (n === null ? "-" : `${Math.round(n * 100)}%`),
  mb: (bytes: number) => (bytes / 1024 ** 2).toFixed(1),
  kb: (bytes: number) => (bytes / 1024).toFixed(1),
  s: (ms: number) => (ms / 1000).toFixed(1),
};

/** Writes a results file (pretty JSON, folders made as needed). */
export function writeResults(file: string, results: object): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
