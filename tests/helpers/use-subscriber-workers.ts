import type { PgBoss } from 'pg-boss';
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { createBoss } from '@/lib/queue/boss';
import { queues } from '@/lib/queue/queues';
import { autoBlockPolicyFrom } from '@/server/risk/auto-block-policy';
import { registerCampaignSubscriber } from '@/workers/jobs/campaign-subscriber';
import { registerPromotionSubscriber } from '@/workers/jobs/promotion-subscriber';
import { registerRiskSubscriber } from '@/workers/jobs/risk-subscriber';
import type { App } from './use-app';

type EventJob = { eventId: string; data: { paymentId: string } };

/** The risk, campaign and promotion subscribers in this test process, with job spies to wait on. */
export function useSubscriberWorkers(app: App) {
  const worker = {} as { boss: PgBoss; waitFor: (queue: string, paymentId: string) => Promise<{ output?: object }> };
  app.onStart(async () => {
    const env = getEnv();
    worker.boss = createBoss(env.DATABASE_URL, 'worker', { spies: true });
    await worker.boss.start();
    const db = getPrisma();
    // A spy records only what happens after it exists: create them before any job can run.
    for (const queue of [queues.risk, queues.campaign, queues.promotion]) worker.boss.getSpy(queue);
    await registerRiskSubscriber({ boss: worker.boss, db, policy: autoBlockPolicyFrom(env) });
    await registerCampaignSubscriber({ boss: worker.boss, db });
    await registerPromotionSubscriber({ boss: worker.boss, db });
    worker.waitFor = (queue, paymentId) =>
      worker.boss.getSpy<EventJob>(queue).waitForJob((data) => data.data?.paymentId === paymentId, 'completed');
    app.onStop(() => worker.boss.stop({ graceful: false, close: true }));
  });
  return worker;
}
