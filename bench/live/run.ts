// `npm run bench:live [-- --count N --load R]`: the lag from a callback's answer to its event on an open live stream
// (DESIGN §7: ≤ 1 s), on a quiet server and while other callbacks arrive at R/s. Brings up its own database and
// production server, and stops them at the end, even on failure.
import { parseArgs } from 'node:util';
import { createPrisma, type Db } from '@/lib/db/prisma';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { firePaced } from '../deliver/paced-sender';
import { createMerchants, createPendingPayments, signCallbacks } from '../ingest/callback-pool';
import { machine } from '../ingest/report';
import { percentile } from '../lib/percentile';
import { startSystem, type System } from '../lib/start-system';
import { stopOnSignals } from '../lib/stop-on-signals';
import { measureLiveLag } from './measure-live-lag';

const args = process.argv.slice(2);
const { values } = parseArgs({ args, options: { count: { type: 'string', default: '200' }, load: { type: 'string', default: '300' } } });
const count = Number(values.count);
const load = Number(values.load);
if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer, got ${values.count}`);
if (!Number.isFinite(load) || load < 0) throw new Error(`--load must be callbacks per second (0 for none), got ${values.load}`);

const log = (line: string) => console.log(`[bench:live] ${line}`);
process.env.NEXT_TELEMETRY_DISABLED = '1';

let system: System | undefined;
let db: Db | undefined;
const stop = async () => {
  await db?.$disconnect().catch(() => {});
  await system?.stop();
};
stopOnSignals(stop);

const summary = (name: string, lags: number[]) =>
  `  ${name.padEnd(44)} n=${lags.length}  p50 ${percentile(lags, 50).toFixed(1)} ms  p95 ${percentile(lags, 95).toFixed(1)} ms  ` +
  `p99 ${percentile(lags, 99).toFixed(1)} ms  max ${lags[lags.length - 1].toFixed(1)} ms`;

let exitCode = 1;
try {
  const keys = makeWechatpayKeys();
  const env = { ...keys.env, NOTIFY_URL_ALLOWLIST: '127.0.0.1' };
  system = await startSystem({ env, log });
  Object.assign(process.env, { ...env, DATABASE_URL: system.databaseUrl, ADMIN_API_TOKEN: system.adminToken });
  db = createPrisma(system.databaseUrl, 16);
  const merchantIds = await createMerchants(db);
  const measure = () => measureLiveLag({ baseUrl: system!.baseUrl, token: system!.adminToken, db: db!, keys, merchantIds, count });

  log(`quiet server: ${count} callbacks, one at a time`);
  const quiet = await measure();
  const lines = [summary('quiet server', quiet)];
  if (load > 0) {
    const seconds = Math.ceil((count * 80) / 1000) + 5;
    const background = signCallbacks(keys, await createPendingPayments(db, merchantIds, Math.ceil(load * seconds)));
    log(`under load: ${count} callbacks measured while others arrive at ${load}/s for up to ${seconds} s`);
    const [loaded, fired] = await Promise.all([measure(), firePaced(system.baseUrl, background, { rate: load, seconds, connections: 32 })]);
    lines.push(summary(`while ingesting ${fired.achieved.toFixed(0)}/s (offered ${load}/s)`, loaded));
  }
  console.log(
    [
      '',
      'Callback answer → its payment on an open GET /api/events stream (target: ≤ 1 s)',
      ...lines,
      `Command: npm run bench:live${args.length ? ` -- ${args.join(' ')}` : ''} · Machine: ${machine()}`,
    ].join('\n'),
  );
  exitCode = 0;
} catch (error) {
  console.error(error);
} finally {
  await stop();
}
process.exit(exitCode);
