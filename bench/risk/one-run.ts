// One run of the risk benchmark (`run.ts` starts one such process per run, so each has its own database, worker
// and module state): threshold crossings under background load, then the subscribers' drain rate. Prints its
// report as one line of JSON after `reportMark`.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { databaseUrlOn, ensureDatabase, startThrowawayPostgres } from '@/scripts/database-server';
import { prepareDatabase } from '@/scripts/prepare-database';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { startCpuSplit } from '../lib/cpu-split';
import { startMerchantServer } from '../lib/merchant-server';
import { startWorker } from '../lib/start-worker';
import { stopOnSignals } from '../lib/stop-on-signals';
import { backgroundLoad } from './background-load';
import { reportMark } from './report-mark';
import { measureCrossings } from './measure-crossings';
import { measureThroughput } from './measure-throughput';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '40' },
    rate: { type: 'string', default: '1000' },
    backlog: { type: 'string', default: '20000' },
  },
});
const samples = Number(values.samples);
const rate = Number(values.rate);
const backlog = Number(values.backlog);
const log = (line: string) => console.log(`[bench:risk] ${line}`);

const postgres = await startThrowawayPostgres('paygate-bench-risk-');
await ensureDatabase(postgres.serverUrl, 'paygate');
const databaseUrl = databaseUrlOn(postgres.serverUrl, 'paygate');
await prepareDatabase(databaseUrl);
const keys = makeWechatpayKeys();
const adminToken = `adm_${randomBytes(16).toString('hex')}`;
const env = {
  DATABASE_URL: databaseUrl,
  ADMIN_API_TOKEN: adminToken,
  LOG_LEVEL: 'warn',
  NOTIFY_URL_ALLOWLIST: '127.0.0.1',
  RISK_AUTOBLOCK_MAX_PER_HOUR: '10000',
  ...keys.env,
};
Object.assign(process.env, env);

const sql = new pg.Pool({ connectionString: databaseUrl, max: 4 });
// The real worker process, with every job registered, exactly as `npm run worker` runs it.
const worker = await startWorker(env);
// The crossing payments' webhooks go to a merchant that takes them at once, so each is one delivery attempt, as
// with a healthy shop, rather than a retry schedule against a closed port.
const merchantServer = await startMerchantServer();
let stopped = false;
async function stop() {
  if (stopped) return;
  stopped = true;
  await worker.stop();
  await sql.end();
  await merchantServer.close();
  await postgres.stop();
}
stopOnSignals(stop);
// A worker that dies mid-run would leave the crossings waiting for jobs nobody runs: end the run at once.
void worker.exited.then((code) => {
  if (stopped) return;
  console.error(`worker exited (${code}) during the run`);
  void stop().finally(() => process.exit(1));
});
try {
  log(`worker up; background load ${rate} events/s to risk, campaign and promotion`);
  const merchants = await calmMerchants(200);
  const load = backgroundLoad({ databaseUrl, rate, merchants });
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // warm-up under load
  // No web server here: the crossing callbacks run through the route handler in this process, with the load.
  const cpuSplit = startCpuSplit(undefined, worker.pid);
  const crossings = await measureCrossings({ sql, keys, samples, notifyUrl: merchantServer.url, log });
  const cpu = cpuSplit();
  const offered = await load.stop();
  // Keeping up means the queues stay short while the load runs: what was still waiting when it stopped.
  const { rows: behind } = await sql.query(
    `SELECT name, count(*)::int AS waiting FROM pgboss.job WHERE name IN ('risk', 'campaign', 'promotion') AND state < 'completed' GROUP BY name`,
  );
  const throughput = await measureThroughput({ databaseUrl, sql, backlog, merchants, log });
  const report = {
    backgroundOffered: offered,
    waitingWhenLoadStopped: Object.fromEntries(
      ['risk', 'campaign', 'promotion'].map((name) => [name, behind.find((row) => row.name === name)?.waiting ?? 0]),
    ),
    cpuDuringCrossings: cpu && { worker: cpu.worker, postgres: cpu.postgres, benchmarkProcess: cpu.loadGenerator, other: cpu.other },
    alert: crossings.alert,
    block: crossings.block,
    crossingJob: { createdToFetched: crossings.queued, fetchedToCompleted: crossings.batch },
    throughput,
  };
  console.log(`${reportMark}${JSON.stringify(report)}`);
} finally {
  await stop();
}
process.exit(0);

async function calmMerchants(count: number): Promise<string[]> {
  const { makeMerchant } = await import('@/prisma/seed/factories');
  const { getPrisma } = await import('@/lib/db/prisma');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await makeMerchant(getPrisma())).id);
  return ids;
}
