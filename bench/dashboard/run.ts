// `npm run bench:dashboard [-- --payments N --merchants M --runs R --samples S --live L]`: DESIGN §7 Dashboard. Brings
// up its own database and production server, seeds N payments over M merchants with everything that comes with them
// (set-based SQL through the production triggers), then times every list, filter and figure request of the console
// and the portal (p50/p95 per request, R runs) and the lag from a callback's answer to its event on an open live
// stream. Stops everything at the end, even on failure.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createPrisma, type Db } from '@/lib/db/prisma';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { machine } from '../ingest/report';
import { measureLiveLag } from '../live/measure-live-lag';
import { startSystem, type System } from '../lib/start-system';
import { stopOnSignals } from '../lib/stop-on-signals';
import { readCatalogue } from './catalogue';
import { consoleRequests } from './console-requests';
import { measureRequests, type RequestFigures } from './measure-requests';
import { formatReport } from './report';
import { seedDashboard } from './seed-dashboard';
import { merchantIdSql } from './seed-statements';

const args = process.argv.slice(2);
const { values } = parseArgs({
  args,
  options: {
    payments: { type: 'string', default: '1000000' },
    merchants: { type: 'string', default: '1000' },
    days: { type: 'string', default: '30' },
    runs: { type: 'string', default: '3' },
    samples: { type: 'string', default: '100' },
    live: { type: 'string', default: '100' },
  },
});
const number = (name: keyof typeof values, min: number) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer of at least ${min}, got ${values[name]}`);
  return value;
};
const options = { payments: number('payments', 1000), merchants: number('merchants', 100), days: number('days', 2) };
const runs = number('runs', 1);
const samples = number('samples', 20);
const liveSamples = number('live', 0);

const log = (line: string) => console.log(`[bench:dashboard] ${line}`);
process.env.NEXT_TELEMETRY_DISABLED = '1';

let system: System | undefined;
let db: Db | undefined;
const stop = async () => {
  await db?.$disconnect().catch(() => {});
  await system?.stop();
};
stopOnSignals(stop);

let exitCode = 1;
try {
  const load = os.loadavg();
  const externalDatabase = Boolean(process.env.DATABASE_URL);
  const keys = makeWechatpayKeys();
  const env = { ...keys.env, NOTIFY_URL_ALLOWLIST: '127.0.0.1' };
  system = await startSystem({ env, log });
  Object.assign(process.env, { ...env, DATABASE_URL: system.databaseUrl, ADMIN_API_TOKEN: system.adminToken });
  db = createPrisma(system.databaseUrl, 8);

  log(`seeding ${options.payments.toLocaleString('en-US')} payments over ${options.merchants} merchants and ${options.days} days`);
  const seeded = performance.now();
  const timings = await seedDashboard({ databaseUrl: system.databaseUrl, db, options, log });
  const seedSeconds = (performance.now() - seeded) / 1000;
  const [{ size }] = await db.$queryRaw<{ size: string }[]>`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`;
  log(`seeded in ${seedSeconds.toFixed(0)} s; the database is ${size}`);

  const catalogue = await readCatalogue({ db, baseUrl: system.baseUrl, token: system.adminToken, merchants: options.merchants });
  const tokens = { staff: system.adminToken, merchant: catalogue.bigMerchantKey };
  // Merchants that may take payments (not blocked) for the live stream's callbacks.
  const liveMerchants = (
    await db.$queryRawUnsafe<{ id: string }[]>(`SELECT ${merchantIdSql('g')}::text AS id FROM generate_series(2, 12) g WHERE g % 97 <> 0`)
  ).map((row) => row.id);

  const requestRuns: RequestFigures[][] = [];
  const lagRuns: number[][] = [];
  for (let run = 1; run <= runs; run++) {
    log(`run ${run}/${runs}: ${consoleRequests.length} requests × ${samples} samples`);
    requestRuns.push(await measureRequests({ baseUrl: system.baseUrl, tokens, catalogue, requests: consoleRequests, samples }));
    if (liveSamples > 0) {
      log(`run ${run}/${runs}: live stream lag, ${liveSamples} callbacks one at a time`);
      lagRuns.push(
        await measureLiveLag({
          baseUrl: system.baseUrl,
          token: system.adminToken,
          db,
          keys,
          merchantIds: liveMerchants,
          count: liveSamples,
        }),
      );
    }
  }
  console.log(
    formatReport({
      requestRuns,
      lagRuns,
      seed: { options, seconds: seedSeconds, size, timings },
      context: { args, machine: machine(), loadBefore: load, loadAfter: os.loadavg(), externalDatabase },
    }),
  );
  exitCode = 0;
} catch (error) {
  console.error(error);
} finally {
  await stop();
}
process.exit(exitCode);
