// `npm run bench:ingest [-- --runs N]`: DESIGN §7 ingest targets, measured on a system this script brings up
// itself (database, migrations, production build, `next start`) and stops at the end, even on failure.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPrisma, type Db } from '@/lib/db/prisma';
import { queues, subscriberQueues } from '@/lib/queue/queues';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { startSystem, type System } from '../lib/start-system';
import { createMerchants } from './callback-pool';
import { measureRun, type RunFigures } from './measure-run';
import { formatReport, median } from './report';
import { stopOnSignals } from '../lib/stop-on-signals';

const args = process.argv.slice(2);
const { values } = parseArgs({ args, options: { runs: { type: 'string', default: '3' }, 'cpu-prof': { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);

const log = (line: string) => console.log(`[bench:ingest] ${line}`);
// Read before this script points process.env at the database it creates.
const externalDatabase = Boolean(process.env.DATABASE_URL);
process.env.NEXT_TELEMETRY_DISABLED = '1';

let system: System | undefined;
let db: Db | undefined;
let stopping: Promise<void> | undefined;
const stop = () =>
  (stopping ??= (async () => {
    await db?.$disconnect().catch(() => {});
    await system?.stop();
  })());
stopOnSignals(stop);

let exitCode = 1;
try {
  const keys = makeWechatpayKeys();
  const env = { ...keys.env, NOTIFY_URL_ALLOWLIST: '127.0.0.1' };
  log(externalDatabase ? 'starting on the DATABASE_URL server' : 'starting an embedded PostgreSQL');
  // --cpu-prof DIR: a V8 profile of the web server, written to DIR when it stops.
  const nodeArgs = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values['cpu-prof'])}`] : [];
  system = await startSystem({ env, nodeArgs, log });
  log(`web server up at ${system.baseUrl}; no worker process: delivery and topic jobs accumulate in the queue`);
  // The domain factories read the validated environment, as the server does.
  Object.assign(process.env, { ...env, DATABASE_URL: system.databaseUrl, ADMIN_API_TOKEN: system.adminToken });
  db = createPrisma(system.databaseUrl, 16);
  const merchantIds = await createMerchants(db);
  const context = { baseUrl: system.baseUrl, webPid: system.server.pid, db, keys, merchantIds, log };

  const results: RunFigures[] = [];
  for (let run = 1; run <= runs; run++) {
    log(`run ${run} of ${runs}`);
    const previous = results.length ? median(results.map((r) => r.ingest.throughput)) : undefined;
    results.push(await measureRun(context, previous));
  }
  const problems = await checkQueue(db);
  results[results.length - 1].problems.push(...problems);
  console.log(formatReport(results, { args, externalDatabase }));
  exitCode = results.some((r) => r.problems.length) ? 1 : 0;
} catch (error) {
  console.error(error);
} finally {
  await stop();
}
process.exit(exitCode);

/** Every succeeded payment committed its delivery, its delivery job, and one topic event per subscriber. */
async function checkQueue(db: Db): Promise<string[]> {
  const succeeded = await db.payment.count({ where: { status: 'succeeded' } });
  const deliveries = await db.delivery.count();
  const jobs = await db.$queryRaw<{ name: string; count: number }[]>`
    SELECT name, count(*)::int AS count FROM pgboss.job GROUP BY name`;
  const counts = new Map(jobs.map((row) => [row.name, row.count]));
  const rows: Record<string, number> = { deliveries };
  for (const name of [queues.deliverWebhook, ...subscriberQueues]) rows[`${name} jobs`] = counts.get(name) ?? 0;
  log(`${succeeded} payments succeeded; ${JSON.stringify(rows)}`);
  return Object.entries(rows)
    .filter(([, count]) => count !== succeeded)
    .map(([name, count]) => `${name}: ${count} rows for ${succeeded} succeeded payments`);
}
