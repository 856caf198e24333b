import { after, before } from 'node:test';
import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { createTestDatabase, type TestDatabase } from './test-database';

export type App = {
  db: Db;
  database: TestDatabase;
  boss: PgBoss;
  /** Runs once the database and environment are ready (hooks of one file do not run in a set order). */
  onStart: (start: () => Promise<void>) => void;
  onStop: (stop: () => Promise<void>) => void;
};

/**
 * A test file's application: a fresh database, and the same Prisma client and queue handle the web
 * process uses. `env` is applied before anything reads the environment.
 */
export function useApp(env: Record<string, string> = {}): App {
  const starts: (() => Promise<void>)[] = [];
  const stops: (() => Promise<void>)[] = [];
  const app = { onStart: (start) => void starts.push(start), onStop: (stop) => void stops.unshift(stop) } as App;
  before(async () => {
    app.database = await createTestDatabase(env);
    const { getPrisma } = await import('@/lib/db/prisma');
    const { getBoss } = await import('@/lib/queue/boss');
    app.db = getPrisma();
    app.boss = await getBoss();
    for (const start of starts) await start();
  });
  after(async () => {
    for (const stop of stops) await stop();
    await app.boss?.stop({ graceful: false, close: true });
    await app.db?.$disconnect();
    await app.database?.drop();
  });
  return app;
}
