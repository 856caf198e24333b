import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { queues } from '@/lib/queue/queues';
import type { AutoBlockPolicy } from '@/server/risk/auto-block-policy';
import { processRiskEvent } from '@/server/risk/process-risk-event';
import { workPaymentSubscriber } from '../work-payment-subscriber';

/** `risk`: aggregates, rules, alerts and auto-block for every succeeded payment; idempotent on the event id. */
export async function registerRiskSubscriber({ boss, db, policy, concurrency }: { boss: PgBoss; db: Db; policy: AutoBlockPolicy; concurrency: number }) {
  await workPaymentSubscriber({
    boss,
    queue: queues.risk,
    batchSize: 16,
    loops: Math.max(1, Math.ceil(concurrency / 16)),
    handle: (event) => processRiskEvent({ db, boss, event, policy }),
  });
}
