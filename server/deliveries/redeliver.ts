import type { PgBoss } from 'pg-boss';
import { scopedMerchantFilter, withinScope } from '@/lib/auth/merchant-scope';
import type { z } from 'zod';
import type { Principal } from '@/lib/auth/principal';
import type { Db, Tx } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { AppError } from '@/lib/errors';
import { jobs } from '@/lib/queue/jobs';
import { insertJobs } from '@/lib/queue/send-job';
import { recordAudit } from '@/server/audit/record-audit';
import type { bulkRedeliverBodySchema } from '@/contracts/deliveries';
import { bulkRedeliverLimit } from '@/contracts/delivery-count';
import { toDeliveryView } from './to-delivery-view';

type Reopened = { id: string; merchantId: string; attemptCount: number };

/**
 * Puts deliveries back to pending and queues their next attempt, in one transaction with its audit row: the attempt
 * numbering goes on (history is kept), the retry schedule starts over.
 */
async function reopen(
  db: Db,
  boss: PgBoss,
  where: (tx: Tx) => Promise<Reopened[]>,
  audit: (tx: Tx, reopened: Reopened[]) => Promise<unknown>,
) {
  return db.$transaction(async (tx) => {
    const reopened = await where(tx);
    if (reopened.length === 0) return reopened;
    await insertJobs(
      boss,
      jobs.deliverWebhook,
      reopened.map((row) => ({ data: { deliveryId: row.id, attempt: row.attemptCount + 1, step: 0 }, group: { id: row.merchantId } })),
      { tx },
    );
    await notifyChanges(
      tx,
      reopened.map((row) => ({ kind: 'delivery', id: row.id, merchantId: row.merchantId })),
    );
    await audit(tx, reopened);
    return reopened;
  });
}

type One = { db: Db; boss: PgBoss; id: string; principal: Principal };

export async function redeliverOne({ db, boss, id, principal }: One) {
  withinScope(principal, await db.delivery.findUnique({ where: { id }, select: { merchantId: true } }), `Delivery ${id}`);
  let before: string | null = null;
  const reopened = await reopen(
    db,
    boss,
    async (tx) => {
      const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM delivery WHERE id = ${id}::uuid FOR UPDATE`;
      before = row?.status ?? null;
      return tx.$queryRaw<Reopened[]>`
        UPDATE delivery SET status = 'pending', next_attempt_at = now(), last_error = NULL, updated_at = now()
        WHERE id = ${id}::uuid AND status <> 'pending'
        RETURNING id::text, merchant_id::text AS "merchantId", attempt_count AS "attemptCount"`;
    },
    (tx, [row]) =>
      recordAudit(tx, {
        actor: principal,
        action: 'delivery.redeliver',
        subjectType: 'delivery',
        subjectId: id,
        merchantId: row.merchantId,
        before: { status: before, attemptCount: row.attemptCount },
        after: { status: 'pending' },
      }),
  );
  if (reopened.length === 0) throw new AppError('conflict', `Delivery ${id} is still pending: its next attempt is already queued`);
  return toDeliveryView(await db.delivery.findUniqueOrThrow({ where: { id } }));
}

type Bulk = { db: Db; boss: PgBoss; principal: Principal; filter: z.output<typeof bulkRedeliverBodySchema> };

/**
 * Every delivery that matches, at most `bulkRedeliverLimit` a call (the dead-letter set, or everything failed since a
 * time). One audit row names the filter and how many went again; each delivery's own history shows its new attempt.
 */
export async function redeliverMany({ db, boss, principal, filter }: Bulk) {
  const merchantId = scopedMerchantFilter(principal, filter.merchantId) ?? null;
  const since = filter.since ? new Date(filter.since) : null;
  const until = filter.until ? new Date(filter.until) : null;
  const reopened = await reopen(
    db,
    boss,
    (tx) => tx.$queryRaw<Reopened[]>`
    UPDATE delivery SET status = 'pending', next_attempt_at = now(), last_error = NULL, updated_at = now()
    WHERE id IN (
      SELECT id FROM delivery
      WHERE status = ${filter.status}::"DeliveryStatus"
        AND (${merchantId}::uuid IS NULL OR merchant_id = ${merchantId}::uuid)
        AND (${since}::timestamptz IS NULL OR created_at >= ${since}::timestamptz)
        AND (${until}::timestamptz IS NULL OR created_at < ${until}::timestamptz)
      ORDER BY created_at LIMIT ${bulkRedeliverLimit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text, merchant_id::text AS "merchantId", attempt_count AS "attemptCount"`,
    (tx, rows) =>
      recordAudit(tx, {
        actor: principal,
        action: 'delivery.redeliver_matching',
        // A merchant's own set, or the whole system's when staff named no merchant.
        subjectType: merchantId ? 'merchant' : 'deliveries',
        subjectId: merchantId ?? 'all',
        merchantId,
        before: { status: filter.status },
        after: {
          status: 'pending',
          filter: { status: filter.status, merchantId, since: filter.since ?? null, until: filter.until ?? null },
          redelivered: rows.length,
        },
      }),
  );
  return { redelivered: reopened.length };
}
