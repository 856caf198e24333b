// Brings up what a benchmark measures, the way scripts/start.ts does: a database of its own, migrations and
// queues, the production build, and `next start` on a free port. stop() undoes every step that was done.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildIfStale } from '@/scripts/build';
import { startEmbeddedPostgres } from '@/scripts/embedded-postgres';
import { prepareDatabase } from '@/scripts/prepare-database';

export type System = { baseUrl: string; databaseUrl: string; adminToken: string; server: ChildProcess; stop: () => Promise<void> };

const root = path.resolve(import.meta.dirname, '../..');

export async function startSystem(options: {
  env: Record<string, string>;
  /** Extra node flags for the web server, e.g. --cpu-prof (refused in NODE_OPTIONS). */
  nodeArgs?: string[];
  log: (line: string) => void;
}): Promise<System> {
  const undo: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const step of undo.reverse()) await step().catch((error: unknown) => options.log(`cleanup: ${String(error)}`));
    undo.length = 0;
  };
  try {
    const databaseUrl = await createDatabase(undo, options.log);
    await prepareDatabase(databaseUrl);
    buildIfStale();
    const port = await freePort();
    const adminToken = `adm_${randomBytes(24).toString('base64url')}`;
    const env = {
      ...process.env,
      ...options.env,
      NODE_ENV: 'production' as const,
      PROCESS_ROLE: 'web',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      ADMIN_API_TOKEN: adminToken,
    };
    const next = path.join(root, 'node_modules/next/dist/bin/next');
    const args = [...(options.nodeArgs ?? []), next, 'start', '-H', '127.0.0.1', '-p', String(port)];
    const server = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    undo.push(() => stopChild(server));
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, server);
    return { baseUrl, databaseUrl, adminToken, server, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A fresh database: on DATABASE_URL's server when given (dropped at the end), else an embedded server in a temp folder. */
async function createDatabase(undo: Array<() => Promise<unknown>>, log: (line: string) => void): Promise<string> {
  if (process.env.DATABASE_URL) {
    const name = `bench_${randomBytes(6).toString('hex')}`;
    const serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
    await sql(serverUrl, `CREATE DATABASE "${name}"`);
    undo.push(() => sql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    log(`database ${name} on the DATABASE_URL server (dropped at the end)`);
    return withDatabase(process.env.DATABASE_URL, name);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'paygate-bench-pg-'));
  undo.push(() => rm(dir, { recursive: true, force: true }));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data') });
  undo.push(() => postgres.stop());
  await sql(postgres.url('postgres'), 'CREATE DATABASE paygate');
  log(`embedded PostgreSQL in ${dir} (port ${postgres.port})`);
  return postgres.url('paygate');
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function sql(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within 60 s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
