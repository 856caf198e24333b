import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';
import type { AutoBlockPolicy } from '@/server/risk/auto-block-policy';
import { processRiskEvents } from '@/server/risk/process-risk-events';
import { workPaymentSubscriber } from '../work-payment-subscriber';

/**
 * `risk`: aggregates, rules, alerts and auto-block for every succeeded payment; idempotent on the event id. It has
 * the latency target, so it gets two fetch loops: one batch commits while the next is fetched and judged.
 */
export async function registerRiskSubscriber({ boss, db, policy }: { boss: PgBoss; db: Db; policy: AutoBlockPolicy }) {
  await workPaymentSubscriber({
    boss,
    subscriber: jobs.risk,
    loops: 3,
    batchSize: 100,
    handleBatch: (events) => processRiskEvents({ db, boss, events, policy }),
  });
}
