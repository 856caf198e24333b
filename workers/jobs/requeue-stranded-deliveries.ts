import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import { jobs } from '@/lib/queue/jobs';
import { requeueStrandedDeliveries } from '@/server/deliveries/requeue-stranded-deliveries';

/** Every minute, one worker (pg-boss fires a schedule once across processes) re-queues stranded deliveries. */
export async function registerRequeueStrandedDeliveries({ boss, db, graceSeconds }: { boss: PgBoss; db: Db; graceSeconds: number }) {
  await boss.schedule(jobs.requeueStrandedDeliveries.name, '* * * * *');
  await boss.work(jobs.requeueStrandedDeliveries.name, { batchSize: 1 }, async () => {
    const requeued = await requeueStrandedDeliveries({ db, boss, graceSeconds });
    if (requeued.length > 0) logger.warn({ count: requeued.length, deliveryIds: requeued.slice(0, 20) }, 'stranded deliveries re-queued');
    return { requeued: requeued.length };
  });
}
