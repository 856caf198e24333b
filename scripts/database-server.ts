// Talking to a PostgreSQL server as a whole: its databases, and a throwaway server for tests and benchmarks.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

/** The URL of `database` on the server that `serverUrl` points at. */
export function databaseUrlOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One statement on its own connection (CREATE/DROP DATABASE cannot run inside a pool's transaction). */
export async function runSql(serverUrl: string, statement: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(statement, values);
  } finally {
    await client.end();
  }
}

/** Creates `database` on the server behind `serverUrl` unless it exists. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const { rowCount } = await runSql(serverUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (!rowCount) await runSql(serverUrl, `CREATE DATABASE "${database.replaceAll('"', '""')}"`);
}

/** An embedded PostgreSQL in a temp folder, removed with its data when stopped. */
export async function startThrowawayPostgres(prefix: string) {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data') });
  return {
    dir,
    port: server.port,
    serverUrl: server.url('postgres'),
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
