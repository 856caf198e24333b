// `npm run bench:deliver [-- --runs N]`: DESIGN §7 delivery targets, measured on a system this script brings up
// itself (database, migrations, production build, `next start`, one worker, a fast merchant) and stops at the
// end, even on failure.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPrisma, type Db } from '@/lib/db/prisma';
import { makeMerchant } from '@/prisma/seed/factories';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { startSystem, type System } from '../lib/start-system';
import { startWorker, type BenchWorker } from '../lib/start-worker';
import type { Context } from './context';
import { startMerchantServer, type MerchantServer } from '../lib/merchant-server';
import { measureRun, type RunFigures } from './measure-run';
import { formatReport } from './report';
import { stopOnSignals } from '../lib/stop-on-signals';

const args = process.argv.slice(2);
const { values } = parseArgs({ args, options: { runs: { type: 'string', default: '3' }, 'cpu-prof': { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);

const log = (line: string) => console.log(`[bench:deliver] ${line}`);
// Read before this script points process.env at the database it creates.
const externalDatabase = Boolean(process.env.DATABASE_URL);
process.env.NEXT_TELEMETRY_DISABLED = '1';
// Enough that DELIVERY_MERCHANT_CONCURRENCY (10 each, 200 in all) never binds before the worker's own limit.
const merchantCount = 20;

let system: System | undefined;
let db: Db | undefined;
let merchant: MerchantServer | undefined;
let worker: BenchWorker | undefined;
let stopping: Promise<void> | undefined;
const stop = () =>
  (stopping ??= (async () => {
    await worker?.stop().catch(() => {});
    await db?.$disconnect().catch(() => {});
    await merchant?.close().catch(() => {});
    await system?.stop();
  })());
stopOnSignals(stop);

let exitCode = 1;
try {
  const keys = makeWechatpayKeys();
  const env = { ...keys.env, NOTIFY_URL_ALLOWLIST: '127.0.0.1' };
  log(externalDatabase ? 'starting on the DATABASE_URL server' : 'starting an embedded PostgreSQL');
  // --cpu-prof DIR: V8 profiles of the web server and of each worker process, written to DIR as they stop.
  const nodeArgs = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values['cpu-prof'])}`] : [];
  system = await startSystem({ env, nodeArgs, log });
  merchant = await startMerchantServer();
  // The domain factories and the worker read the validated environment, as the server does.
  const systemEnv = { ...env, DATABASE_URL: system.databaseUrl, ADMIN_API_TOKEN: system.adminToken };
  Object.assign(process.env, systemEnv);
  db = createPrisma(system.databaseUrl, 16);
  const merchantIds: string[] = [];
  for (let i = 0; i < merchantCount; i++) {
    merchantIds.push((await makeMerchant(db, { name: `Bench shop ${i + 1}`, notifyUrl: merchant.url })).id);
  }
  worker = await startWorker(systemEnv, { nodeArgs });
  log(`web server up at ${system.baseUrl}, worker pid ${worker.pid}, merchant at ${merchant.url}`);

  const context: Context = {
    baseUrl: system.baseUrl,
    webPid: system.server.pid,
    db,
    keys,
    merchantIds,
    merchant,
    worker: () => worker,
    startWorker: async () => (worker = await startWorker(systemEnv, { nodeArgs })),
    stopWorker: async () => {
      await worker?.stop();
      worker = undefined;
    },
    log,
  };
  const results: RunFigures[] = [];
  for (let run = 1; run <= runs; run++) {
    log(`run ${run} of ${runs}`);
    results.push(await measureRun(context));
  }
  console.log(formatReport(results, { args, externalDatabase }));
  exitCode = results.some((r) => r.problems.length) ? 1 : 0;
} catch (error) {
  console.error(error);
} finally {
  await stop();
}
process.exit(exitCode);
