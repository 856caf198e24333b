import { PgBoss } from 'pg-boss';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

export type BossRole = 'web' | 'worker';

export function createBoss(databaseUrl: string, role: BossRole, options: { spies?: boolean } = {}): PgBoss {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: role === 'worker' ? 10 : 4,
    // Workers are woken by NOTIFY the moment a job commits; polling remains only as a floor.
    useListenNotify: role === 'worker',
    supervise: role === 'worker',
    // A job whose worker died is noticed by its missed heartbeat; checking every few seconds makes
    // recovery a matter of seconds.
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
    schedule: role === 'worker',
    migrate: true,
    openTelemetry: { enabled: false },
    // Tests wait on job spies (the queue's own signal) instead of sleeping.
    __test__enableSpies: options.spies ?? false,
  });
  // Connection drops during a database restart are expected and retried; their message is enough.
  boss.on('error', (error: Error & { code?: string }) => logger.warn({ message: error.message, code: error.code }, 'queue error'));
  return boss;
}

/** The web process's queue handle: it only sends, inside the transactions that change payments. */
export function getBoss(): Promise<PgBoss> {
  if (!globalForBoss.boss) {
    const boss = createBoss(getEnv().DATABASE_URL, 'web');
    globalForBoss.boss = boss.start().catch((error: unknown) => {
      globalForBoss.boss = undefined;
      throw error;
    });
  }
  return globalForBoss.boss;
}
