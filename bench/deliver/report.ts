// The result block: median figures over the runs, the DESIGN §7 delivery targets, the machine and the command.
import { machine } from '../ingest/report';
import type { CpuSplit } from '../lib/cpu-split';
import { median } from '../lib/percentile';
import type { LatencyFigures } from './measure-latency';
import { settings, type RunFigures } from './measure-run';

/** The command line as typed, with the environment knobs that change the figures (never the database's password). */
export function commandLine(args: string[], externalDatabase: boolean): string {
  const names = ['DB_POOL_SIZE', 'WORKER_CONCURRENCY', 'DELIVERY_MERCHANT_CONCURRENCY', 'LOG_LEVEL'];
  const knobs = names.filter((name) => process.env[name]).map((name) => `${name}=${process.env[name]}`);
  if (externalDatabase) knobs.unshift('DATABASE_URL=…');
  return [...knobs, 'npm run bench:deliver', ...(args.length ? ['--', ...args] : [])].join(' ');
}

const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
const of = <T>(rows: T[], pick: (row: T) => number) => median(rows.map(pick));

function latencyRow(name: string, phases: LatencyFigures[]): string {
  const f = (pick: (p: LatencyFigures) => number) => of(phases, pick);
  return (
    `  ${name.padEnd(24)} ${f((p) => p.achieved)
      .toFixed(0)
      .padStart(5)}/s answered, ` +
    `${f((p) => p.deliveredPerSecond)
      .toFixed(0)
      .padStart(4)}/s delivered  p50 ${ms(f((p) => p.p50))}  p95 ${ms(f((p) => p.p95))}  ` +
    `p99 ${ms(f((p) => p.p99))}  in window ${f((p) => (p.inWindow / p.ok) * 100).toFixed(1)} %  missing ${f((p) => p.missing)}  ` +
    `(callback answer p99 ${f((p) => p.answerP99).toFixed(0)} ms)`
  );
}

const cores = (split: CpuSplit | undefined) =>
  split
    ? `web ${split.web.toFixed(2)}, worker ${split.worker.toFixed(2)}, postgres ${split.postgres.toFixed(2)}, ` +
      `benchmark ${split.loadGenerator.toFixed(2)}, other ${split.other.toFixed(2)}`
    : 'n/a';

export function formatReport(runs: RunFigures[], setup: { args: string[]; externalDatabase: boolean }): string {
  const { lowRate, highRate, seconds, backlog } = settings;
  const low = runs.map((r) => r.low);
  const high = runs.map((r) => r.high);
  const sustainable = runs.flatMap((r) => r.sustainable ?? []);
  const perSecond = of(runs, (r) => r.throughput.perSecond);
  const lowP95 = of(low, (p) => p.p95);
  const highP99 = of(high, (p) => p.p99);
  const held = (p: LatencyFigures, rate: number) => Math.min(p.achieved, p.deliveredPerSecond) >= 0.95 * rate;
  const highHeld = high.every((p) => held(p, highRate));
  const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const lines = [
    '',
    `=== Delivery benchmark: median of ${runs.length} run(s) ===`,
    `command:  ${commandLine(setup.args, setup.externalDatabase)}`,
    `date:     ${new Date().toISOString()}`,
    `machine:  ${machine()}`,
    `system:   next start + one worker process (WORKER_CONCURRENCY=${process.env.WORKER_CONCURRENCY ?? '32 (default)'}), ` +
      `${setup.externalDatabase ? 'a fresh bench_* database on the DATABASE_URL server' : 'embedded PostgreSQL'}`,
    `merchant: node:http in this process, 200 at once; 20 merchants × DELIVERY_MERCHANT_CONCURRENCY=` +
      `${process.env.DELIVERY_MERCHANT_CONCURRENCY ?? '10 (default)'} in flight, above the worker's own limit`,
    `latency:  signed WeChat callbacks offered at a fixed rate for ${seconds} s (≤ 64 in flight); callback answered 200 → ` +
      'the merchant has the webhook',
    '',
    latencyRow(`offered ${lowRate}/s`, low),
    latencyRow(`offered ${highRate}/s`, high),
    ...(sustainable.length ? [latencyRow(`sustainable (${of(sustainable, (p) => p.offered)}/s)`, sustainable)] : []),
    `  throughput from a backlog of ${backlog}, first → last webhook (counting the worker's boot):`,
    `    deliveries only             ${perSecond.toFixed(0).padStart(5)}/s (${of(runs, (r) => r.throughput.perSecondWithBoot).toFixed(0)}/s)`,
    `    with the subscriber jobs    ${of(runs, (r) => r.throughputAll.perSecond)
      .toFixed(0)
      .padStart(5)}/s ` +
      `(${of(runs, (r) => r.throughputAll.perSecondWithBoot).toFixed(0)}/s)  risk, campaign and promotion run in the same worker`,
    ...(highHeld
      ? []
      : [
          `  (${highRate}/s was not sustained: answered ${of(high, (p) => p.achieved).toFixed(0)}/s, delivered ` +
            `${of(high, (p) => p.deliveredPerSecond).toFixed(0)}/s meanwhile, so its latencies are mostly a growing backlog)`,
        ]),
    '',
    'targets (DESIGN §7):',
    `  p95 ≤ 50 ms at ${lowRate}/s            ${ms(lowP95)}   ${met(lowP95 <= 50 && low.every((p) => held(p, lowRate)))}`,
    `  p99 ≤ 200 ms at ${highRate}/s         ${ms(highP99)}   ${met(highP99 <= 200 && highHeld)}`,
    `  ≥ 2,000 deliveries/s (only)     ${perSecond.toFixed(0).padStart(6)}/s     ${met(perSecond >= 2_000)}`,
    '',
    'per run (offered→answered/delivered per second and p95/p99 per phase; deliveries/s only/all; CPU in cores):',
    ...runs.flatMap((r, i) => [
      `  ${i + 1}: ${[r.low, r.high, ...(r.sustainable ? [r.sustainable] : [])]
        .map((p) => `${p.offered}→${p.achieved.toFixed(0)}/${p.deliveredPerSecond.toFixed(0)} ${p.p95.toFixed(0)}/${p.p99.toFixed(0)} ms`)
        .join(', ')}; ${r.throughput.perSecond.toFixed(0)}/${r.throughputAll.perSecond.toFixed(0)} deliveries/s`,
      `     CPU at ${highRate}/s offered:    ${cores(r.high.cpu)}`,
      `     CPU, deliveries only: ${cores(r.throughput.cpu)}`,
      `     CPU, all queues:      ${cores(r.throughputAll.cpu)}`,
    ]),
  ];
  const problems = runs.flatMap((r) => r.problems);
  lines.push(
    '',
    problems.length
      ? `CHECKS FAILED:\n  ${problems.join('\n  ')}`
      : 'checks: every callback answered 200, every paid payment delivered once, database and merchant agree',
  );
  return lines.join('\n');
}
