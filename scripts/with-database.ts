import path from 'node:path';
import { ensureDatabase } from './database-server';
import { startEmbeddedPostgres } from './embedded-postgres';

export const dataDir = path.resolve(process.env.PAYGATE_DATA_DIR ?? path.join(import.meta.dirname, '../.data'));

/** Runs `work` against DATABASE_URL, or against the embedded database under .data/ when it is unset. */
export async function withDatabase(work: (databaseUrl: string) => Promise<void>): Promise<void> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: embeddedPort() });
  try {
    await ensureDatabase(pg.url('postgres'), 'paygate');
    await work(pg.url('paygate'));
  } finally {
    await pg.stop();
  }
}

export function embeddedPort(): number {
  return Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
}
