// `npm start`: the whole system — database (embedded unless DATABASE_URL is set), migrations, web app,
// worker, and with --demo a stream of sandbox payments. Ctrl-C or SIGTERM stops all of it.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { buildIfStale } from './build';
import { bootstrapFirstAdmin } from './first-admin';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { ensureDatabase } from './database-server';
import { prepareDatabase } from './prepare-database';
import { supervise, type Supervised } from './supervise';
import { dataDir, embeddedPort } from './with-database';

const root = path.resolve(import.meta.dirname, '..');
const { values: flags } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
const log = (line: string) => console.log(`[start] ${line}`);

if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));
process.env.NEXT_TELEMETRY_DISABLED = '1';

let database: RunningPostgres | undefined;
const children: Supervised[] = [];
let stopping = false;

async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  await Promise.all(children.map((child) => child.stop()));
  if (database) await Promise.race([database.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  log('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

const adminTokenFile = path.join(dataDir, 'admin-token');

/** The admin token when the environment gives none: the one an earlier start kept, or a new one kept for the next. */
async function adminToken(): Promise<{ token: string; generated: boolean }> {
  if (existsSync(adminTokenFile)) return { token: (await readFile(adminTokenFile, 'utf8')).trim(), generated: false };
  const token = `adm_${randomBytes(24).toString('base64url')}`;
  await mkdir(dataDir, { recursive: true });
  await writeFile(adminTokenFile, `${token}\n`, { mode: 0o600 });
  return { token, generated: true };
}

if (!process.env.DATABASE_URL) {
  log('DATABASE_URL is not set: starting the embedded PostgreSQL (data in .data/postgres)');
  database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: embeddedPort() });
  await ensureDatabase(database.url('postgres'), 'paygate');
  process.env.DATABASE_URL = database.url('paygate');
}
const tokenSource = process.env.ADMIN_API_TOKEN ? 'environment' : await adminToken();
if (typeof tokenSource === 'object') process.env.ADMIN_API_TOKEN = tokenSource.token;
// The demo's merchants are the local simulator, which the notify-URL guard refuses unless allowlisted.
if (flags.demo) process.env.NOTIFY_URL_ALLOWLIST ||= '127.0.0.1,localhost';
const env = getEnv();

const applied = await prepareDatabase(env.DATABASE_URL);
log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
const { email: adminEmail } = await bootstrapFirstAdmin(log);
await getPrisma().$disconnect();
buildIfStale();

const node = process.execPath;
const tsx = ['--disable-warning=ExperimentalWarning', '--import', 'tsx'];
const childEnv = { ...process.env, NODE_ENV: 'production' as const };
children.push(
  supervise(
    'web',
    node,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(env.PORT)],
    { ...childEnv, PROCESS_ROLE: 'web' },
    log,
  ),
);
children.push(supervise('worker', node, [...tsx, path.join(root, 'workers/index.ts')], { ...childEnv, PROCESS_ROLE: 'worker' }, log));

const baseUrl = `http://localhost:${env.PORT}`;
await waitForHealth(baseUrl);
log(`ready: ${baseUrl}  (API reference ${baseUrl}/api/openapi.json)`);
// Printed once, when it was made; a token from the environment or from an earlier start stays out of the output.
const tokenFileShown = adminTokenFile.startsWith(root) ? path.relative(root, adminTokenFile) : adminTokenFile;
if (typeof tokenSource === 'object' && tokenSource.generated)
  log(`admin token (generated, kept in ${tokenFileShown}): ${env.ADMIN_API_TOKEN}`);
else if (typeof tokenSource === 'object') log(`admin token: in ${tokenFileShown}`);
log(`sign in at ${baseUrl}/login as ${adminEmail}`);
if (flags.demo) {
  children.push(
    supervise(
      'simulator',
      node,
      [...tsx, path.join(root, 'scripts/merchant-simulator.ts')],
      { ...childEnv, PROCESS_ROLE: 'simulator' },
      log,
    ),
  );
  children.push(
    supervise('demo', node, [...tsx, path.join(root, 'scripts/demo.ts')], { ...childEnv, PROCESS_ROLE: 'demo', BASE_URL: baseUrl }, log),
  );
}

async function waitForHealth(url: string) {
  for (let attempt = 0; !stopping; attempt++) {
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (attempt === 120) log('still waiting for /api/health…');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
