// What a benchmark's child process (the lab, the gateway) has used, read from
// outside it in /proc: its CPU time and resident memory, so the benchmark's
// own callers are never charged to it. Linux only; undefined elsewhere.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export interface ProcessProbe {
  /** CPU time used so far (ms, user + system). */
  readonly cpuMs: () => number | undefined;
  /** Resident memory now (MiB). */
  readonly rssMiB: () => number | undefined;
}

let ticks: number | null | undefined;

/** Clock ticks per second, the unit of /proc/PID/stat's CPU times. */
function ticksPerSecond(): number | undefined {
  if (ticks === undefined) {
    try {
      const n = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
      ticks = n > 0 ? n : null;
    } catch {
      ticks = null;
    }
  }
  return ticks ?? undefined;
}

/** utime + stime of /proc/PID/stat (fields 14 and 15, counted after the command name's closing parenthesis). */
function cpuMs(pid: number): number | undefined {
  const perSecond = ticksPerSecond();
  if (perSecond === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / perSecond) * 1000;
  } catch {
    return undefined;
  }
}

/** VmRSS of /proc/PID/status. */
function rssMiB(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] === undefined ? undefined : Number(match[1]) / 1024;
  } catch {
    return undefined;
  }
}

export function probeProcess(pid: number | undefined): ProcessProbe {
  return {
    cpuMs: () => (pid === undefined ? undefined : cpuMs(pid)),
    rssMiB: () => (pid === undefined ? undefined : rssMiB(pid)),
  };
}
