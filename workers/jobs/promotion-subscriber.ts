import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { queues } from '@/lib/queue/queues';
import { advancePromotions } from '@/server/promotions/advance-promotions';
import { workPaymentSubscriber } from '../work-payment-subscriber';

/** `promotion`: payers' progress toward promotions and the rewards they earn; idempotent on the event id. */
export async function registerPromotionSubscriber({ boss, db, concurrency }: { boss: PgBoss; db: Db; concurrency: number }) {
  await workPaymentSubscriber({
    boss,
    queue: queues.promotion,
    batchSize: 16,
    loops: Math.max(1, Math.ceil(concurrency / 16)),
    handle: (event) => advancePromotions({ db, event }),
  });
}
