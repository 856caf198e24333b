import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';
import { advancePromotions } from '@/server/promotions/advance-promotions';
import { workPaymentSubscriber } from '../work-payment-subscriber';

/** `promotion`: a payer's progress toward each running promotion, and the reward when it is reached; idempotent on the event id. */
export async function registerPromotionSubscriber({ boss, db }: { boss: PgBoss; db: Db }) {
  await workPaymentSubscriber({
    boss,
    subscriber: jobs.promotion,
    loops: 1,
    batchSize: 500,
    pollingIntervalSeconds: 1,
    handleBatch: (events) => advancePromotions({ db, events }),
  });
}
