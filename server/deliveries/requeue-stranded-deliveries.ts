import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';
import { insertJobs } from '@/lib/queue/send-job';

type RequeueStranded = {
  db: Db;
  boss: PgBoss;
  /** A delivery untouched for less than this is left alone (a job may be on its way). */
  graceSeconds: number;
  limit?: number;
};

type Stranded = { id: string; merchantId: string; attemptCount: number };

/**
 * Finds deliveries that are `pending` with no live job (created, retry or active) behind them — the job gave up,
 * expired, was deleted or was lost with a restored backup — and queues their next attempt. One transaction under an
 * advisory lock: sweepers on several workers run one after another, and each sees the jobs the one before queued.
 */
export async function requeueStrandedDeliveries({ db, boss, graceSeconds, limit = 1_000 }: RequeueStranded): Promise<string[]> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('requeue-stranded-deliveries'))`;
    const stranded = await tx.$queryRaw<Stranded[]>`
      SELECT d.id::text, d.merchant_id::text AS "merchantId", d.attempt_count AS "attemptCount"
      FROM delivery d
      WHERE d.status = 'pending' AND d.updated_at < now() - make_interval(secs => ${graceSeconds})
        AND NOT EXISTS (
          SELECT 1 FROM pgboss.job j
          WHERE j.name = ${jobs.deliverWebhook.name} AND j.state IN ('created', 'retry', 'active')
            AND j.data->>'deliveryId' = d.id::text)
      ORDER BY d.created_at
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED`;
    await insertJobs(
      boss,
      jobs.deliverWebhook,
      stranded.map((row) => ({ data: { deliveryId: row.id, attempt: row.attemptCount + 1, step: 0 }, group: { id: row.merchantId } })),
      { tx },
    );
    if (stranded.length > 0) {
      await tx.$executeRaw`UPDATE delivery SET updated_at = now() WHERE id = ANY(${stranded.map((row) => row.id)}::uuid[])`;
    }
    return stranded.map((row) => row.id);
  });
}
