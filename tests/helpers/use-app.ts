import { after, before } from 'node:test';
import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { createTestDatabase, type TestDatabase } from './test-database';

export type App = { db: Db; database: TestDatabase; boss: PgBoss };

/**
 * A test file's application: a fresh database, and the same Prisma client and queue handle the web
 * process uses. `env` is applied before anything reads the environment.
 */
export function useApp(env: Record<string, string> = {}): App {
  const app = {} as App;
  before(async () => {
    app.database = await createTestDatabase(env);
    const { getPrisma } = await import('@/lib/db/prisma');
    const { getBoss } = await import('@/lib/queue/boss');
    app.db = getPrisma();
    app.boss = await getBoss();
  });
  after(async () => {
    await app.boss?.stop({ graceful: false, close: true });
    await app.db?.$disconnect();
    await app.database?.drop();
  });
  return app;
}
