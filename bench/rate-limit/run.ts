// `npm run bench:rate-limit [-- --runs R --seconds S --callers C]`: what the shared rate limits cost a web process.
// Each phase keeps C callers busy for S seconds on the limiters' own pool (4 connections, as in every web process):
// a bare `SELECT 1` (the floor any database round trip pays), one principal's budget (every call updates the same
// row), and 1,000 principals' budgets taken in turn. Budgets are set so high that nothing is refused: this measures
// the counting, not the refusing. Prints the medians of R runs and the command.
import { parseArgs } from 'node:util';
import { databaseUrlOn, runSql, startThrowawayPostgres } from '@/scripts/database-server';
import { prepareDatabase } from '@/scripts/prepare-database';
import { machine } from '../ingest/report';
import { median, percentile } from '../lib/percentile';

const args = process.argv.slice(2);
const { values } = parseArgs({
  args,
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    callers: { type: 'string', default: '32' },
  },
});
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const callers = Number(values.callers);
for (const [name, value] of Object.entries({ runs, seconds, callers })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
}

type Figures = { perSecond: number; p50: number; p99: number };

/** Keeps `callers` loops calling `call` for the phase's length; every call timed. */
async function phase(call: (index: number) => Promise<unknown>): Promise<Figures> {
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        await call(next++);
        times.push(performance.now() - started);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { perSecond: times.length / seconds, p50: percentile(times, 50), p99: percentile(times, 99) };
}

const external = process.env.DATABASE_URL;
const server = external ? { serverUrl: external, stop: async () => {} } : await startThrowawayPostgres('paygate-bench-limit-');
const database = `bench_rate_limit_${process.pid}`;
try {
  await runSql(server.serverUrl, `CREATE DATABASE "${database}"`);
  const databaseUrl = databaseUrlOn(server.serverUrl, database);
  await prepareDatabase(databaseUrl);
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    ADMIN_API_TOKEN: 'bench-admin-token-0123456789',
    RATE_LIMIT_API_PER_MINUTE: '1000000000',
    LOG_LEVEL: 'silent',
  });
  const { consumeLimit } = await import('@/lib/rate-limit/consume-limit');
  const { getRateLimitPool } = await import('@/lib/rate-limit/rate-limit-pool');
  const pool = getRateLimitPool();

  const results: { floor: Figures; hot: Figures; spread: Figures }[] = [];
  for (let run = 1; run <= runs; run++) {
    const floor = await phase(() => pool.query('SELECT 1'));
    const hot = await phase(() => consumeLimit('api', 'merchant:one-busy-shop'));
    const spread = await phase((index) => consumeLimit('api', `merchant:shop-${index % 1000}`));
    results.push({ floor, hot, spread });
    console.log(
      `[bench:rate-limit] run ${run}: floor ${floor.perSecond.toFixed(0)}/s, one key ${hot.perSecond.toFixed(0)}/s, 1,000 keys ${spread.perSecond.toFixed(0)}/s`,
    );
  }
  await pool.end();

  const pick = (name: 'floor' | 'hot' | 'spread') => ({
    perSecond: median(results.map((r) => r[name].perSecond)),
    p50: median(results.map((r) => r[name].p50)),
    p99: median(results.map((r) => r[name].p99)),
    ratio: median(results.map((r) => r[name].perSecond / r.floor.perSecond)),
  });
  const line = (label: string, f: ReturnType<typeof pick>) =>
    `  ${label.padEnd(34)} ${f.perSecond.toFixed(0).padStart(6)}/s  p50 ${f.p50.toFixed(2).padStart(6)} ms  p99 ${f.p99.toFixed(2).padStart(6)} ms  ×${f.ratio.toFixed(2)} of the floor`;
  console.log(
    [
      '',
      `Rate limits (median of ${runs} runs, ${callers} callers, ${seconds} s per phase, the limiters' pool of 4 connections)`,
      line('SELECT 1 (floor)', pick('floor')),
      line('one principal (one row)', pick('hot')),
      line('1,000 principals in turn', pick('spread')),
      `  machine: ${machine()}`,
      `  command: ${[external ? 'DATABASE_URL=…' : '', 'npm run bench:rate-limit', ...(args.length ? ['--', ...args] : [])].filter(Boolean).join(' ')}`,
    ].join('\n'),
  );
} finally {
  await runSql(server.serverUrl, `DROP DATABASE IF EXISTS "${database}"`).catch(() => {});
  await server.stop();
}
