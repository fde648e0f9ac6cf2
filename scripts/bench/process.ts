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
 * `peakTreeMb` is the highest sum seen; `peakHwmMb` the kernel's own high-water mark of
 * the server process (VmHWM), which also catches peaks between samples.
 */
export function sampleMemory(pid: number, everyMs = 200) {
  let peakTreeKb = 0;
  let processes = 1;
  const sample = () => {
    const pids = [pid, ...descendants(pid)];
    processes = Math.max(processes, pids.length);
    const kb = pids.reduce((sum, p) => sum + statusKb(p, "VmRSS"), 0);
    peakTreeKb = Math.max(peakTreeKb, kb);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop(): { peakTreeMb: number; peakHwmMb: number; processes: number } {
      clearInterval(timer);
      sample();
      const hwm = [pid, ...descendants(pid)].reduce((sum, p) => sum + statusKb(p, "VmHWM"), 0);
      return { peakTreeMb: peakTreeKb / 1024, peakHwmMb: hwm / 1024, processes };
    },
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

/**
 * Waits until the server has (almost) stopped using the CPU: when a load run ends, the
 * requests it left in flight are still being served, and would slow the next run.
 */
export async function waitUntilIdle(pid: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  let last = cpuTicks(pid);
  while (quiet < 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const now = cpuTicks(pid);
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
 * this process's and the server's. On a shared machine this says how far to trust a run.
 */
export function cpuMeter(serverPid: number, cpus: number) {
  const ours = () => [process.pid, serverPid, ...descendants(serverPid)].reduce((sum, p) => sum + cpuTicks(p), 0);
  const m0 = machineTicks();
  const o0 = ours();
  return {
    stop(): { otherCores: number; oursCores: number } {
      const m1 = machineTicks();
      const o1 = ours();
      const perCpu = (m1.total - m0.total) / cpus || 1;
      const mine = o1 - o0;
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
