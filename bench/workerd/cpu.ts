// CPU time of another process, read from the kernel: /proc/<pid>/stat's
// utime + stime (fields 14 and 15, in clock ticks of `getconf CLK_TCK`,
// summed over all the process's threads). Linux only.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Milliseconds per clock tick (`getconf CLK_TCK`: 100 on Linux, so 10 ms). */
export const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** `/proc/<pid>/stat`'s fields after the command name: [state, ppid, …]. Throws if the process is gone. */
function statFields(pid: number): { comm: string; rest: string[] } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name is in parentheses and may itself hold spaces or ')'.
  const close = stat.lastIndexOf(')');
  return {
    comm: stat.slice(stat.indexOf('(') + 1, close),
    rest: stat.slice(close + 2).split(' '),
  };
}

/** User + system CPU time of process `pid`, in ms (a multiple of `TICK_MS`). */
export function cpuMs(pid: number): number {
  const { rest } = statFields(pid);
  // rest[0] is field 3 (state), so utime (field 14) is rest[11], stime rest[12].
  return (Number(rest[11]) + Number(rest[12])) * TICK_MS;
}

/**
 * The pids of the processes named `name` that descend from `ancestor`
 * (e.g. the workerd that wrangler's unstable_dev starts under this Node).
 */
export function descendantsNamed(ancestor: number, name: string): number[] {
  const parent = new Map<number, number>();
  const comm = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const s = statFields(pid);
      parent.set(pid, Number(s.rest[1]));
      comm.set(pid, s.comm);
    } catch {
      // The process ended while /proc was being read.
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === ancestor) return true;
    }
    return false;
  };
  return [...comm].filter(([pid, c]) => c === name && descends(pid)).map(([pid]) => pid);
}
