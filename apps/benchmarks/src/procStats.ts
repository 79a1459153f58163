/** Figures of a server child read from /proc (Linux); NaN elsewhere. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** Peak resident set (VmHWM) of process `pid`, in MB. */
export function peakRssMb(pid: number): number {
  return statusField(pid, 'VmHWM') / 1024;
}

/** Current resident set (VmRSS) of process `pid`, in kB. */
export function rssKb(pid: number): number {
  return statusField(pid, 'VmRSS');
}

/** CPU time (user + system) process `pid` has used so far, in seconds. */
export function cpuSeconds(pid: number): number {
  try {
    ticksPerSecond ??=
      Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields 3… of proc(5)
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime, stime
  } catch {
    return NaN;
  }
}

/**
 * Measures the CPU a process spends while `work` runs.
 *
 * @example
 * const { value, cpu } = await withCpu(pid, () => runLoad(call, budget));
 */
export async function withCpu<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ value: T; cpu: number }> {
  const before = cpuSeconds(pid);
  const value = await work();
  return { value, cpu: cpuSeconds(pid) - before };
}
