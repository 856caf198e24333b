// The result block: median figures over the runs, the DESIGN §7 targets, the machine and the command.
import os from 'node:os';
import type { CpuSplit } from '../lib/cpu-split';
import type { Figures } from './fire';
import { settings, type RunFigures } from './measure-run';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The command line as typed, with the environment knobs that change the figures (never the database's password). */
export function commandLine(args: string[], externalDatabase: boolean): string {
  const knobs = ['DB_POOL_SIZE', 'LOG_LEVEL'].filter((name) => process.env[name]).map((name) => `${name}=${process.env[name]}`);
  if (externalDatabase) knobs.unshift('DATABASE_URL=…');
  return [...knobs, 'npm run bench:ingest', ...(args.length ? ['--', ...args] : [])].join(' ');
}

export function machine(): string {
  const cpus = os.cpus();
  return (
    `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}, ${os.type()} ${os.release()}`
  );
}

type Summary = Pick<Figures, 'throughput' | 'p50' | 'p99'>;

const medianOf = (runs: Figures[]): Summary => ({
  throughput: median(runs.map((f) => f.throughput)),
  p50: median(runs.map((f) => f.p50)),
  p99: median(runs.map((f) => f.p99)),
});

const row = (name: string, f: Summary) =>
  `  ${name.padEnd(40)} ${f.throughput.toFixed(0).padStart(7)}/s   p50 ${f.p50.toFixed(1).padStart(6)} ms   p99 ${f.p99.toFixed(1).padStart(6)} ms`;

const cores = (split: CpuSplit) =>
  `web ${split.web.toFixed(2)}, postgres ${split.postgres.toFixed(2)}, load generator ${split.loadGenerator.toFixed(2)}, other ${split.other.toFixed(2)}`;

export function formatReport(runs: RunFigures[], setup: { args: string[]; externalDatabase: boolean }): string {
  const noop = medianOf(runs.map((r) => r.noop));
  const ingest = medianOf(runs.map((r) => r.ingest));
  const fixed = medianOf(runs.map((r) => r.fixedRate));
  const ratio = median(runs.map((r) => r.ingest.throughput / r.noop.throughput));
  const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const { connections, durationSeconds, fixedRate } = settings;
  const lines = [
    '',
    `=== Ingest benchmark: median of ${runs.length} run(s) ===`,
    `command:  ${commandLine(setup.args, setup.externalDatabase)}`,
    `date:     ${new Date().toISOString()}`,
    `machine:  ${machine()}`,
    `database: ${setup.externalDatabase ? 'a fresh bench_* database on the DATABASE_URL server' : 'embedded PostgreSQL in a temp folder'}`,
    `server:   next start (NODE_ENV=production), DB_POOL_SIZE=${process.env.DB_POOL_SIZE ?? '10 (default)'}; no worker process:`,
    '          delivery and topic jobs accumulate in the queue, as each callback commits them',
    `load:     autocannon in this process, ${connections} connections, ${durationSeconds} s per phase after a warm-up`,
    '',
    row(`no-op GET /api/health/live`, noop),
    row(`ingest POST /api/callbacks/wechatpay, max`, ingest),
    row(`ingest at a fixed ${fixedRate}/s`, fixed),
    `  ${'ingest / no-op'.padEnd(40)} ${ratio.toFixed(2).padStart(7)}`,
    ...(fixed.throughput < 0.95 * fixedRate
      ? [`  (the server fell behind the offered ${fixedRate}/s: latencies include the queueing)`]
      : []),
    '',
    'targets (DESIGN §7):',
    `  ingest ≥ 2,000 callbacks/s            ${ingest.throughput.toFixed(0).padStart(7)}/s   ${met(ingest.throughput >= 2_000)}`,
    `  ingest ≥ 0.5 × no-op                  ${ratio.toFixed(2).padStart(7)}     ${met(ratio >= 0.5)}`,
    `  p99 ≤ 50 ms at ${fixedRate}/s                ${fixed.p99.toFixed(1).padStart(7)} ms  ${met(fixed.p99 <= 50)}`,
    '',
    'per run (ingest max / no-op / p99 at fixed rate; CPU in cores during ingest max):',
    ...runs.map(
      (r, i) =>
        `  ${i + 1}: ${r.ingest.throughput.toFixed(0)}/s / ${r.noop.throughput.toFixed(0)}/s / ${r.fixedRate.p99.toFixed(1)} ms` +
        (r.cpu ? `; ${cores(r.cpu)}` : ''),
    ),
  ];
  const problems = runs.flatMap((r) => r.problems);
  lines.push(
    '',
    problems.length
      ? `CHECKS FAILED:\n  ${problems.join('\n  ')}`
      : 'checks: every callback answered 200 and paid one pending payment, which has its delivery, delivery job and topic events',
  );
  return lines.join('\n');
}
