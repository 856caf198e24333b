// Brings up what a benchmark measures, the way scripts/start.ts does: a database of its own, migrations and
// queues, the production build, and `next start` on a free port. stop() undoes every step that was done.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { buildIfStale } from '@/scripts/build';
import { databaseUrlOn, runSql, startThrowawayPostgres } from '@/scripts/database-server';
import { prepareDatabase } from '@/scripts/prepare-database';
import { freePort, stopChild } from '@/scripts/processes';

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
      // Benchmarks measure throughput with one admin token; the API limit would measure itself instead.
      RATE_LIMIT_API_PER_MINUTE: '1000000000',
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
    const serverUrl = databaseUrlOn(process.env.DATABASE_URL, 'postgres');
    await runSql(serverUrl, `CREATE DATABASE "${name}"`);
    undo.push(() => runSql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    log(`database ${name} on the DATABASE_URL server (dropped at the end)`);
    return databaseUrlOn(process.env.DATABASE_URL, name);
  }
  const postgres = await startThrowawayPostgres('paygate-bench-pg-');
  undo.push(() => postgres.stop());
  await runSql(postgres.serverUrl, 'CREATE DATABASE paygate');
  log(`embedded PostgreSQL in ${postgres.dir} (port ${postgres.port})`);
  return databaseUrlOn(postgres.serverUrl, 'paygate');
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within 60 s`);
}
