import type { PgBoss } from 'pg-boss';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Tx } from '@/lib/db/prisma';
import { eventTopics, jobs } from '@/lib/queue/jobs';
import { insertJobs, publishEvents } from '@/lib/queue/send-job';
import { notifyChanges } from '@/lib/live/notify-changes';
import type { PaymentNotification } from '@/server/providers/provider-notification';
import { buildPaymentSucceededEvent, type SettledPayment } from './build-payment-succeeded-event';

export type ApplyOutcome = 'applied' | 'duplicate' | 'recorded';

export type BatchItem = {
  /** A verified "paid" fact: a callback, or the provider's answer to our status query put the same way. */
  notification: PaymentNotification;
  attemptId: string;
  paymentId: string;
  rawBody: string;
  headers: Record<string, string>;
  source: 'callback' | 'query';
  /** The query exchange whose answer this is (source `query`). */
  exchangeId: string | null;
  /** Copies of this notification that arrived in the same batch, counted on its inbox row. */
  copies: number;
};

type PaidAttempt = { id: string; paymentId: string; merchantId: string; late: boolean };

const keyOf = (item: BatchItem) => `payment:${item.notification.providerTransactionId}`;

/**
 * DESIGN §3 invariants 1 and 2, for one paid fact or many at once (group commit): the inbox rows, the attempts' and
 * payments' new state, the deliveries and their jobs, and the topic events commit in one transaction, one statement
 * per table. A provider's payment is applied at most once: the inbox's unique key on its transaction serializes
 * concurrent copies (the first commits, the rest count as duplicates), and a callback after our query found it paid
 * is such a copy. A success beats a close: an attempt that is pending, closing, or even closed (a late payment) is
 * marked paid. The payment takes it only if it has no paid attempt yet (a conditional UPDATE, re-checked under the
 * row lock); any other paid attempt is a duplicate payment, kept and handed to the `extra-payment` job. Rows are
 * taken in key order so concurrent batches cannot deadlock. Items must target distinct notifications and payments.
 */
export async function commitPaymentBatch(db: Db, boss: PgBoss, items: BatchItem[]): Promise<ApplyOutcome[]> {
  return db.$transaction(
    async (tx) => {
      const inbox = await tx.$queryRaw<{ id: string; key: string; inserted: boolean }[]>`
      INSERT INTO provider_notification (id, provider, kind, dedupe_key, notification_id, outcome, payment_id, attempt_id, source,
        exchange_id, raw_body, headers, received_count)
      SELECT v.id, v.provider::"Provider", 'payment', v.key, v.notification_id, 'applied', v.payment_id, v.attempt_id,
        v.source::"InboxSource", v.exchange_id, v.raw_body, v.headers::jsonb, v.copies
      FROM unnest(${items.map(() => uuidv7())}::uuid[], ${items.map((i) => i.notification.provider)}::text[], ${items.map(keyOf)}::text[],
        ${items.map((i) => i.notification.notificationId)}::text[], ${items.map((i) => i.paymentId)}::uuid[],
        ${items.map((i) => i.attemptId)}::uuid[], ${items.map((i) => i.source)}::text[], ${items.map((i) => i.exchangeId)}::uuid[],
        ${items.map((i) => i.rawBody)}::text[], ${items.map((i) => JSON.stringify(i.headers))}::text[], ${items.map((i) => i.copies)}::int[])
        AS v(id, provider, key, notification_id, payment_id, attempt_id, source, exchange_id, raw_body, headers, copies)
      ORDER BY v.provider, v.key
      ON CONFLICT (provider, dedupe_key) DO UPDATE
        SET received_count = provider_notification.received_count + EXCLUDED.received_count, last_received_at = now()
      RETURNING id::text, dedupe_key AS key, (xmax = 0) AS inserted`;
      const inserted = new Map(inbox.filter((row) => row.inserted).map((row) => [row.key, row.id]));
      const fresh = items.filter((item) => inserted.has(keyOf(item)));

      const paidAttempts = fresh.length === 0 ? [] : await markAttemptsPaid(tx, fresh);
      const settled = paidAttempts.length === 0 ? [] : await settlePayments(tx, paidAttempts, fresh);
      const settledIds = new Set(settled.map((payment) => payment.id));

      // Paid, but not the payment's paid attempt: the order was paid twice. Its refund hangs on the extra-payment job.
      const duplicates = paidAttempts.filter((attempt) => !settledIds.has(attempt.paymentId));
      const unsettled = fresh.filter((item) => !settledIds.has(item.paymentId));
      if (duplicates.length > 0) {
        await tx.$executeRaw`UPDATE payment_attempt SET duplicate_payment = true WHERE id = ANY(${duplicates.map((a) => a.id)}::uuid[])`;
      }
      if (unsettled.length > 0) {
        const duplicateIds = new Set(duplicates.map((attempt) => attempt.id));
        const reasons = unsettled.map((item) =>
          duplicateIds.has(item.attemptId)
            ? 'duplicate payment: the payment was already paid by another attempt'
            : 'the attempt was already paid by another transaction',
        );
        await tx.$executeRaw`
        UPDATE provider_notification n SET outcome = 'recorded', reason = v.reason
        FROM unnest(${unsettled.map((item) => inserted.get(keyOf(item))!)}::uuid[], ${reasons}::text[]) AS v(id, reason)
        WHERE n.id = v.id`;
      }
      const extra = [
        ...duplicates.map((attempt) => ({ ...attempt, kind: 'duplicate_payment' as const })),
        ...paidAttempts.filter((a) => a.late && settledIds.has(a.paymentId)).map((a) => ({ ...a, kind: 'late_payment' as const })),
      ];
      await insertJobs(
        boss,
        jobs.extraPayment,
        extra.map((attempt) => ({
          data: { attemptId: attempt.id, paymentId: attempt.paymentId, kind: attempt.kind },
          singletonKey: attempt.id,
        })),
        { tx },
      );

      const events = settled.map((payment) => ({ deliveryId: uuidv7(), payment, event: buildPaymentSucceededEvent(payment) }));
      if (events.length > 0) {
        await tx.$executeRaw`
        INSERT INTO delivery (id, merchant_id, payment_id, event_type, payload, updated_at)
        SELECT v.id, v.merchant_id, v.payment_id, 'payment.succeeded', v.payload::jsonb, now()
        FROM unnest(${events.map((e) => e.deliveryId)}::uuid[], ${events.map((e) => e.payment.merchantId)}::uuid[],
          ${events.map((e) => e.payment.id)}::uuid[], ${events.map((e) => JSON.stringify(e.event))}::text[]) AS v(id, merchant_id, payment_id, payload)`;
        await insertJobs(
          boss,
          jobs.deliverWebhook,
          events.map((e) => ({ id: e.deliveryId, data: { deliveryId: e.deliveryId }, group: { id: e.payment.merchantId } })),
          { tx },
        );
        await publishEvents(
          boss,
          eventTopics.paymentSucceeded,
          events.map((e) => ({ eventId: e.deliveryId, ...e.event })),
          { tx },
        );
      }
      // One notification for the whole batch: the live view learns of each payment and its delivery at commit.
      await notifyChanges(tx, [
        ...events.flatMap(({ deliveryId, payment: { id, merchantId } }) => [
          { kind: 'payment' as const, id, merchantId },
          { kind: 'delivery' as const, id: deliveryId, merchantId },
        ]),
        ...duplicates.map((attempt) => ({ kind: 'payment' as const, id: attempt.paymentId, merchantId: attempt.merchantId })),
      ]);
      return items.map((item) => (!inserted.has(keyOf(item)) ? 'duplicate' : settledIds.has(item.paymentId) ? 'applied' : 'recorded'));
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
}

/** Every attempt not yet paid becomes paid; one that was closed or failed is flagged as a late payment. */
async function markAttemptsPaid(tx: Tx, fresh: BatchItem[]): Promise<PaidAttempt[]> {
  return tx.$queryRaw<PaidAttempt[]>`
  WITH v AS (
    SELECT * FROM unnest(${fresh.map((i) => i.attemptId)}::uuid[], ${fresh.map((i) => i.notification.providerTransactionId)}::text[],
      ${fresh.map((i) => (i.notification.paidAt ?? new Date()).toISOString())}::timestamptz[], ${fresh.map((i) => i.notification.payer)}::text[],
      ${fresh.map((i) => i.notification.device)}::text[]) AS v(id, transaction_id, paid_at, payer, device)),
  locked AS (
    SELECT a.id, a.status IN ('closed', 'failed') AS late FROM payment_attempt a
    WHERE a.id IN (SELECT id FROM v) AND a.status <> 'succeeded' ORDER BY a.id FOR UPDATE)
  UPDATE payment_attempt a SET status = 'succeeded', provider_transaction_id = v.transaction_id, paid_at = v.paid_at,
    payer = v.payer, device = v.device, late_payment = locked.late, next_query_at = NULL, lease_until = NULL, updated_at = now()
  FROM v, locked
  WHERE a.id = v.id AND a.id = locked.id
  RETURNING a.id::text, a.payment_id::text AS "paymentId", a.merchant_id::text AS "merchantId", a.late_payment AS late`;
}

/** The payments that had no paid attempt take theirs; the rest keep the one they have. */
async function settlePayments(tx: Tx, paidAttempts: PaidAttempt[], fresh: BatchItem[]): Promise<SettledPayment[]> {
  const byAttempt = new Map(fresh.map((item) => [item.attemptId, item.notification]));
  return tx.$queryRaw<SettledPayment[]>`
  WITH v AS (
    SELECT * FROM unnest(${paidAttempts.map((a) => a.paymentId)}::uuid[], ${paidAttempts.map((a) => a.id)}::uuid[],
      ${paidAttempts.map((a) => a.late)}::boolean[], ${paidAttempts.map((a) => byAttempt.get(a.id)!.provider)}::text[],
      ${paidAttempts.map((a) => byAttempt.get(a.id)!.providerTransactionId)}::text[],
      ${paidAttempts.map((a) => (byAttempt.get(a.id)!.paidAt ?? new Date()).toISOString())}::timestamptz[],
      ${paidAttempts.map((a) => byAttempt.get(a.id)!.payer)}::text[], ${paidAttempts.map((a) => byAttempt.get(a.id)!.device)}::text[])
      AS v(id, attempt_id, late, provider, transaction_id, paid_at, payer, device)),
  locked AS (
    SELECT p.id FROM payment p WHERE p.id IN (SELECT id FROM v) AND p.paid_attempt_id IS NULL ORDER BY p.id FOR UPDATE)
  UPDATE payment p SET status = 'succeeded', paid_attempt_id = v.attempt_id, provider = v.provider::"Provider",
    provider_transaction_id = v.transaction_id, paid_at = v.paid_at, payer = v.payer, device = v.device, updated_at = now(),
    flagged_reason = CASE WHEN m.status = 'blocked' THEN 'settled while the merchant was blocked'
      WHEN v.late THEN 'paid after the attempt was closed' ELSE p.flagged_reason END
  FROM v, merchant m
  WHERE p.id = v.id AND p.id IN (SELECT id FROM locked) AND p.paid_attempt_id IS NULL AND m.id = p.merchant_id
  RETURNING p.id::text, p.merchant_id::text AS "merchantId", p.out_trade_no AS "outTradeNo", p.provider::text,
    p.provider_transaction_id AS "providerTransactionId", p.amount, p.currency, p.paid_at AS "paidAt", p.payer, p.device`;
}
