// Risk benchmark (DESIGN §7): from the answer to the callback of the payment that crosses a threshold to its alert
// (and to the block, when the rule blocks), under 1,000 payment events/s of background load with the default rules;
// then how many events/s each subscriber (risk, campaign, promotion) works off. Prints the figures and the command.
//   npm run bench:risk [-- --samples 40 --rate 1000 --backlog 20000]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { databaseUrlOn, ensureDatabase, startThrowawayPostgres } from '@/scripts/database-server';
import { prepareDatabase } from '@/scripts/prepare-database';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { backgroundLoad } from './background-load';
import { measureCrossings } from './measure-crossings';
import { measureThroughput } from './measure-throughput';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '40' }, rate: { type: 'string', default: '1000' }, backlog: { type: 'string', default: '20000' } } });
const samples = Number(values.samples);
const rate = Number(values.rate);
const backlog = Number(values.backlog);
const root = path.resolve(import.meta.dirname, '../..');
const log = (line: string) => console.log(`[bench:risk] ${line}`);

const postgres = await startThrowawayPostgres('paygate-bench-risk-');
await ensureDatabase(postgres.serverUrl, 'paygate');
const databaseUrl = databaseUrlOn(postgres.serverUrl, 'paygate');
await prepareDatabase(databaseUrl);
const keys = makeWechatpayKeys();
const adminToken = `adm_${randomBytes(16).toString('hex')}`;
const env = { DATABASE_URL: databaseUrl, ADMIN_API_TOKEN: adminToken, LOG_LEVEL: 'warn', NOTIFY_URL_ALLOWLIST: '127.0.0.1', RISK_AUTOBLOCK_MAX_PER_HOUR: '10000', ...keys.env };
Object.assign(process.env, env);

// The real worker process, with every job registered, exactly as `npm run worker` runs it.
const worker = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--import', 'tsx', 'workers/index.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
const sql = new pg.Pool({ connectionString: databaseUrl, max: 4 });
try {
  await waitForWorker(sql);
  log(`worker up; background load ${rate} events/s to risk, campaign and promotion`);
  const merchants = await calmMerchants(200);
  const load = backgroundLoad({ databaseUrl, rate, merchants });
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // warm-up under load
  const crossings = await measureCrossings({ sql, keys, samples, log });
  const offered = await load.stop();
  const throughput = await measureThroughput({ databaseUrl, sql, backlog, merchants, log });
  const report = {
    command: `npm run bench:risk -- --samples ${samples} --rate ${rate} --backlog ${backlog}`,
    backgroundOffered: offered,
    alert: crossings.alert,
    block: crossings.block,
    throughput,
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  worker.kill('SIGTERM');
  await new Promise((resolve) => worker.once('exit', resolve));
  await sql.end();
  await postgres.stop();
}
process.exit(0);

async function calmMerchants(count: number): Promise<string[]> {
  const { makeMerchant } = await import('@/prisma/seed/factories');
  const { getPrisma } = await import('@/lib/db/prisma');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await makeMerchant(getPrisma())).id);
  return ids;
}

async function waitForWorker(pool: pg.Pool) {
  // The worker creates nothing observable when ready except its queue workers; give it the time its boot takes.
  for (let i = 0; i < 100; i++) {
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM pgboss.queue WHERE name = 'risk'`);
    if (rows[0].n === 1) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 4_000));
}
