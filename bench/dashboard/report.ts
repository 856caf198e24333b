// The result block: per request the median over runs of its p50 and p95 (and each run's p95), the live lag, what
// the seed made and how long it took, the machine, the load and the command.
import { median, percentile } from '../lib/percentile';
import type { RequestFigures } from './measure-requests';
import type { SeedTimings } from './seed-dashboard';
import type { SeedOptions } from './seed-statements';

const targetMs = 50;
const lagTargetMs = 1000;

type Report = {
  requestRuns: RequestFigures[][];
  lagRuns: number[][];
  seed: { options: SeedOptions; seconds: number; size: string; timings: SeedTimings };
  context: { args: string[]; machine: string; loadBefore: number[]; loadAfter: number[]; externalDatabase: boolean };
};

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function formatReport({ requestRuns, lagRuns, seed, context }: Report): string {
  const lines: string[] = [
    '',
    `Dashboard requests, one at a time (target: p95 ≤ ${targetMs} ms each); medians of ${requestRuns.length} run(s)`,
  ];
  const rows = requestRuns[0].map((first, index) => {
    const per = requestRuns.map((run) => run[index]);
    return { ...first, p50: median(per.map((f) => f.p50)), p95: median(per.map((f) => f.p95)), runs: per.map((f) => f.p95) };
  });
  let page = '';
  for (const row of rows) {
    if (row.page !== page)
      lines.push(`  ${(page = row.page)}${row.as === 'merchant' ? ' (merchant API key of the biggest merchant)' : ''}`);
    const flag = row.p95 > targetMs ? '  ✗ over target' : '';
    lines.push(
      `    ${row.name.padEnd(44)} p50 ${ms(row.p50).padStart(9)}  p95 ${ms(row.p95).padStart(9)}  (runs: ${row.runs.map((v) => v.toFixed(1)).join(' / ')})` +
        `  ${(row.bytes / 1024).toFixed(1)} KiB${flag}`,
    );
  }
  const over = rows.filter((row) => row.p95 > targetMs);
  const worst = rows.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  lines.push(
    `  ${rows.length - over.length} of ${rows.length} requests meet p95 ≤ ${targetMs} ms; the slowest p95 is ${ms(worst.p95)} (${worst.page}: ${worst.name})`,
  );
  if (lagRuns.length > 0) {
    const stats = lagRuns.map((lags) => ({
      p50: percentile(lags, 50),
      p95: percentile(lags, 95),
      p99: percentile(lags, 99),
      max: lags.at(-1)!,
    }));
    const pick = (key: keyof (typeof stats)[number]) => median(stats.map((s) => s[key]));
    lines.push(
      '',
      `Callback answer → its payment's event on an open GET /api/events stream (target: ≤ ${lagTargetMs} ms)`,
      `    n=${lagRuns[0].length} per run   p50 ${ms(pick('p50'))}   p95 ${ms(pick('p95'))}   p99 ${ms(pick('p99'))}   max ${ms(pick('max'))}` +
        `   (p95 per run: ${stats.map((s) => s.p95.toFixed(1)).join(' / ')})`,
    );
  }
  const { options } = seed;
  lines.push(
    '',
    `Seed: ${options.payments.toLocaleString('en-US')} payments, ${options.merchants} merchants, ${options.days} days, in ${seed.seconds.toFixed(0)} s; database ${seed.size}`,
    ...seed.timings.map(
      (t) => `    ${t.step.padEnd(40)} ${t.rows.toLocaleString('en-US').padStart(11)} rows  ${t.seconds.toFixed(1).padStart(6)} s`,
    ),
    `Load average (1/5/15 min) before: ${context.loadBefore.map((v) => v.toFixed(2)).join(' / ')}; after: ${context.loadAfter.map((v) => v.toFixed(2)).join(' / ')}`,
    `Command: ${context.externalDatabase ? 'DATABASE_URL=… ' : ''}npm run bench:dashboard${context.args.length ? ` -- ${context.args.join(' ')}` : ''} · Machine: ${context.machine}`,
  );
  return lines.join('\n');
}
