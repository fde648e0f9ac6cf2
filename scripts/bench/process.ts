// Measuring a server process from outside: its memory (with any children), its CPU, and
// when it has gone quiet. Read from /proc, so Linux only.
import { readdirSync, readFileSync } from "node:fs";

/** Every descendant of pid (children, grandchildren, ...), from /proc. */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = parentOf.get(ppid) ?? [];
      list.push(Number(name));
      parentOf.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    for (const c of parentOf.get(p) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the resident memory of a process and all its descendants every `everyMs`.
 * `peakTreeMb` is the highest sum seen; `peakHwmMb` the kernel's own high-water marks
 * (VmHWM) of the processes alive at the end, summed, which also catch peaks between
 * samples. `largestMb` is the most any one process held (its own sampled RSS or VmHWM):
 * with a primary and one worker per core, the figure a per-worker limit is about.
 * Call stop() before the server stops, while its processes can still be read.
 */
export function sampleMemory(pid: number, everyMs = 200) {
  let peakTreeKb = 0;
  let largestKb = 0;
  let processes = 1;
  const seen = new Set<number>([pid]);
  const sample = () => {
    const pids = [pid, ...descendants(pid)];
    for (const p of pids) seen.add(p);
    processes = Math.max(processes, pids.length);
    const each = pids.map((p) => statusKb(p, "VmRSS"));
    const total = each.reduce((sum, kb) => sum + kb, 0);
    peakTreeKb = Math.max(peakTreeKb, total);
    largestKb = Math.max(largestKb, ...each);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop(): MemoryPeak {
      clearInterval(timer);
      sample();
      const hwm = [pid, ...descendants(pid)].map((p) => statusKb(p, "VmHWM"));
      largestKb = Math.max(largestKb, ...hwm);
      return {
        peakTreeMb: peakTreeKb / 1024,
        peakHwmMb: hwm.reduce((sum, kb) => sum + kb, 0) / 1024,
        largestMb: largestKb / 1024,
        processes,
        processesSeen: seen.size,
      };
    },
  };
}

/** What sampleMemory saw: see there. `processes` is the most alive at once; `processesSeen` all that ever were. */
export type MemoryPeak = { peakTreeMb: number; peakHwmMb: number; largestMb: number; processes: number; processesSeen: number };

/** The peaks of two servers in turn (a restart), as one: the larger of each. */
export function maxPeak(a: MemoryPeak, b: MemoryPeak): MemoryPeak {
  return {
    peakTreeMb: Math.max(a.peakTreeMb, b.peakTreeMb),
    peakHwmMb: Math.max(a.peakHwmMb, b.peakHwmMb),
    largestMb: Math.max(a.largestMb, b.largestMb),
    processes: Math.max(a.processes, b.processes),
    processesSeen: Math.max(a.processesSeen, b.processesSeen),
  };
}

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks
  } catch {
    return 0;
  }
}

/** CPU ticks of each of these processes and their descendants (a cluster's workers too). */
const treeTicks = (pids: readonly number[]) => pids.flatMap((p) => [p, ...descendants(p)]).reduce((sum, p) => sum + cpuTicks(p), 0);

/**
 * Waits until these processes (with their descendants) have (almost) stopped using the
 * CPU: when a load run ends, the requests it left in flight are still being served, and
 * would slow the next run.
 */
export async function waitUntilIdle(pids: number | readonly number[], timeoutMs = 60_000): Promise<void> {
  const all = typeof pids === "number" ? [pids] : pids;
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  let last = treeTicks(all);
  while (quiet < 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const now = treeTicks(all);
    quiet = now - last <= 2 ? quiet + 1 : 0;
    last = now;
  }
}

function machineTicks(): { busy: number; total: number } {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  const busy = user + nice + system + irq + softirq + (steal || 0);
  return { busy, total: busy + idle + iowait };
}

/**
 * How much CPU other processes used while we measured: the machine's busy time minus
 * that of this process and everything it started (the servers, a restarted one included,
 * their workers, the static ceiling). On a shared machine this says how far to trust a run.
 * Each process is read every `everyMs`, so one that ends keeps what it had used by then.
 */
export function cpuMeter(cpus: number, everyMs = 500) {
  const m0 = machineTicks();
  // Per process: its ticks when first seen (0 for one started while we measure) and last read.
  const ticks = new Map<number, { first: number; last: number }>();
  const read = (initial: boolean) => {
    for (const p of [process.pid, ...descendants(process.pid)]) {
      const now = cpuTicks(p);
      const known = ticks.get(p);
      if (known) known.last = Math.max(known.last, now);
      else ticks.set(p, { first: initial ? now : 0, last: now });
    }
  };
  read(true);
  const timer = setInterval(() => read(false), everyMs);
  return {
    stop(): { otherCores: number; oursCores: number } {
      clearInterval(timer);
      read(false);
      const m1 = machineTicks();
      const perCpu = (m1.total - m0.total) / cpus || 1;
      const mine = [...ticks.values()].reduce((sum, t) => sum + t.last - t.first, 0);
      return { otherCores: Math.max(0, (m1.busy - m0.busy - mine) / perCpu), oursCores: mine / perCpu };
    },
  };
}

/**
 * Waits until the whole machine is nearly idle (under `busyShare` of its CPU time for
 * two one-second windows in a row), or `timeoutMs` passes. Lighthouse times the page's
 * main thread on this machine and scales it, so a build still finishing in the
 * background would be counted as the page's. Returns the busy share of the last window.
 */
export async function waitForQuietMachine(busyShare = 0.1, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  let share = 1;
  while (quiet < 2 && Date.now() < deadline) {
    const a = machineTicks();
    await new Promise((r) => setTimeout(r, 1000));
    const b = machineTicks();
    share = (b.busy - a.busy) / Math.max(1, b.total - a.total);
    quiet = share < busyShare ? quiet + 1 : 0;
  }
  return share;
}
