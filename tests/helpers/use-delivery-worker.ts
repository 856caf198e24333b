import type { PgBoss } from 'pg-boss';
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { createBoss } from '@/lib/queue/boss';
import { queues } from '@/lib/queue/queues';
import { registerDeliverWebhook } from '@/workers/jobs/deliver-webhook';
import type { App } from './use-app';

/** A delivery worker in this test process, on the test file's database, with job spies to wait on. */
export function useDeliveryWorker(app: App) {
  const worker = {} as { boss: PgBoss; waitForAttempt: (deliveryId: string, attempt: number) => Promise<unknown> };
  app.onStart(async () => {
    const env = getEnv();
    worker.boss = createBoss(env.DATABASE_URL, 'worker', { spies: true });
    await worker.boss.start();
    await registerDeliverWebhook({
      boss: worker.boss,
      db: getPrisma(),
      settings: {
        schedule: env.DELIVERY_RETRY_SCHEDULE,
        disableAfterSeconds: env.DELIVERY_DISABLE_AFTER_SECONDS,
        timeoutMs: env.DELIVERY_TIMEOUT_MS,
        allowlist: env.NOTIFY_URL_ALLOWLIST,
      },
      merchantConcurrency: env.DELIVERY_MERCHANT_CONCURRENCY,
      concurrency: env.WORKER_CONCURRENCY,
    });
    const spy = worker.boss.getSpy<{ deliveryId: string; attempt?: number }>(queues.deliverWebhook);
    worker.waitForAttempt = (deliveryId, attempt) =>
      spy.waitForJob((data) => data.deliveryId === deliveryId && (data.attempt ?? 1) === attempt, 'completed');
    app.onStop(() => worker.boss.stop({ graceful: false, close: true }));
  });
  return worker;
}
