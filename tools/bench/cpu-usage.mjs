// CPU time used by a process (and, for PostgreSQL, by the postmaster and all its backends), read from
// /proc, so the benchmark can say how many CPU milliseconds each request costs in each server. Linux
// only: elsewhere every reading is null and the table shows "–".
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const available = existsSync('/proc/self/stat');
let ticksPerSecond = 100;
try {
  if (available) ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
} catch {
  // keep 100, the usual value
}

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(command) ": state ppid … utime(14) stime(15) cutime(16) cstime(17), numbered from 1.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

/** CPU milliseconds used so far by the process `pid`, or null. */
export function processCpuMs(pid) {
  const s = available && pid ? stat(pid) : null;
  return s ? (s.own * 1000) / ticksPerSecond : null;
}

/** CPU milliseconds used so far by a PostgreSQL server (postmaster, live backends, and exited ones), or null. */
export function postgresCpuMs(dataDir) {
  if (!available || !dataDir) return null;
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const root = stat(postmaster);
    if (!root) return null;
    let ticks = root.own + root.children;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const s = stat(entry);
      if (s?.ppid === postmaster) ticks += s.own;
    }
    return (ticks * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}
