// Where the CPU went during a measurement: the web server, a worker process when one runs, PostgreSQL, and this
// process (the load generator).
// Reads /proc, so it only works on Linux; elsewhere it reports nothing rather than guessing.
import { readFileSync, readdirSync } from 'node:fs';

export type CpuSplit = { web: number; worker: number; postgres: number; loadGenerator: number; other: number };
type Sample = { at: number; ticks: Map<number, { ppid: number; comm: string; ticks: number }> };

// USER_HZ: 100 on every mainstream Linux build.
const ticksPerSecond = 100;

function sample(): Sample | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const ticks = new Map<number, { ppid: number; comm: string; ticks: number }>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // comm is parenthesised and may contain spaces; the fields after it are space-separated.
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      ticks.set(Number(pid), { ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended between readdir and read.
    }
  }
  return { at: performance.now(), ticks };
}

/** Starts counting; the returned function gives each group's share of the 2-core budget as cores used. */
export function startCpuSplit(webPid: number | undefined, workerPid?: number): () => CpuSplit | undefined {
  const before = sample();
  return () => {
    const after = sample();
    if (!before || !after) return undefined;
    const seconds = (after.at - before.at) / 1000;
    const isUnder = (pid: number, ancestor: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 32; p = after.ticks.get(p)?.ppid ?? 0, hops++) if (p === ancestor) return true;
      return false;
    };
    const split: CpuSplit = { web: 0, worker: 0, postgres: 0, loadGenerator: 0, other: 0 };
    // An embedded server is a child of this process; then any other PostgreSQL on the machine (another
    // checkout's tests, say) is someone else's load, not ours. An external server (DATABASE_URL) is not a child.
    const postgresPids = [...after.ticks].filter(([, proc]) => proc.comm === 'postgres').map(([pid]) => pid);
    const ours = postgresPids.filter((pid) => isUnder(pid, process.pid));
    const isOurPostgres = new Set(ours.length ? ours : postgresPids);
    for (const [pid, proc] of after.ticks) {
      const used = (proc.ticks - (before.ticks.get(pid)?.ticks ?? 0)) / ticksPerSecond / seconds;
      if (used <= 0) continue;
      if (pid === process.pid) split.loadGenerator += used;
      else if (webPid !== undefined && isUnder(pid, webPid)) split.web += used;
      else if (workerPid !== undefined && isUnder(pid, workerPid)) split.worker += used;
      else if (isOurPostgres.has(pid)) split.postgres += used;
      else split.other += used;
    }
    return split;
  };
}
