import { applyMigrations } from '@/lib/db/schema-engine';
import { createBoss } from '@/lib/queue/boss';
import { createQueues } from '@/lib/queue/queues';

/** Brings a database up to date: our migrations, pg-boss's schema, and every queue. */
export async function prepareDatabase(databaseUrl: string): Promise<string[]> {
  const applied = await applyMigrations(databaseUrl);
  const boss = createBoss(databaseUrl, 'web');
  await boss.start();
  try {
    await createQueues(boss);
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
  return applied;
}
