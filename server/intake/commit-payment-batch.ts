import type { PgBoss } from 'pg-boss';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '@/lib/db/prisma';
import { eventTopics, jobs } from '@/lib/queue/jobs';
import { insertJobs, publishEvents } from '@/lib/queue/send-job';
import { notifyChanges } from '@/lib/live/notify-changes';
import type { PaymentNotification } from '@/server/providers/provider-notification';
import { buildPaymentSucceededEvent, type SettledPayment } from './build-payment-succeeded-event';

export type ApplyOutcome = 'applied' | 'duplicate' | 'recorded';

export type BatchItem = {
  notification: PaymentNotification;
  paymentId: string;
  rawBody: string;
  headers: Record<string, string>;
  /** Copies of this notification that arrived in the same batch, counted on its inbox row. */
  copies: number;
};

/**
 * DESIGN §3 invariants 1 and 2, for one callback or many at once (group commit): the inbox rows, the payments'
 * new state, the deliveries and their jobs, and the topic events commit in one transaction, one statement per
 * table. A provider's payment is applied at most once: the inbox's unique key serializes concurrent copies (the
 * first commits, the rest count as duplicates) and only a payment not yet settled is updated. Rows are taken in
 * key order so concurrent batches cannot deadlock. Items must target distinct notifications and payments.
 */
export async function commitPaymentBatch(db: Db, boss: PgBoss, items: BatchItem[]): Promise<ApplyOutcome[]> {
  return db.$transaction(
    async (tx) => {
      const keyOf = (item: BatchItem) => `payment:${item.notification.providerTransactionId}`;
      const inbox = await tx.$queryRaw<{ id: string; key: string; inserted: boolean }[]>`
      INSERT INTO provider_notification (id, provider, kind, dedupe_key, notification_id, outcome, payment_id, raw_body, headers, received_count)
      SELECT v.id, v.provider::"Provider", 'payment', v.key, v.notification_id, 'applied', v.payment_id, v.raw_body, v.headers::jsonb, v.copies
      FROM unnest(${items.map(() => uuidv7())}::uuid[], ${items.map((i) => i.notification.provider)}::text[], ${items.map(keyOf)}::text[],
        ${items.map((i) => i.notification.notificationId)}::text[], ${items.map((i) => i.paymentId)}::uuid[], ${items.map((i) => i.rawBody)}::text[],
        ${items.map((i) => JSON.stringify(i.headers))}::text[], ${items.map((i) => i.copies)}::int[])
        AS v(id, provider, key, notification_id, payment_id, raw_body, headers, copies)
      ORDER BY v.provider, v.key
      ON CONFLICT (provider, dedupe_key) DO UPDATE
        SET received_count = provider_notification.received_count + EXCLUDED.received_count, last_received_at = now()
      RETURNING id::text, dedupe_key AS key, (xmax = 0) AS inserted`;
      const inserted = new Map(inbox.filter((row) => row.inserted).map((row) => [row.key, row.id]));
      const fresh = items.filter((item) => inserted.has(keyOf(item)));

      const settled =
        fresh.length === 0
          ? []
          : await tx.$queryRaw<SettledPayment[]>`
      WITH v AS (
        SELECT * FROM unnest(${fresh.map((i) => i.paymentId)}::uuid[], ${fresh.map((i) => i.notification.providerTransactionId)}::text[],
          ${fresh.map((i) => (i.notification.paidAt ?? new Date()).toISOString())}::timestamptz[], ${fresh.map((i) => i.notification.payer)}::text[],
          ${fresh.map((i) => i.notification.device)}::text[]) AS v(id, transaction_id, paid_at, payer, device)),
      locked AS (
        SELECT p.id FROM payment p WHERE p.id IN (SELECT id FROM v) AND p.status IN ('pending', 'closed', 'failed')
        ORDER BY p.id FOR UPDATE)
      UPDATE payment p SET status = 'succeeded', provider_transaction_id = v.transaction_id, paid_at = v.paid_at,
        payer = v.payer, device = v.device, updated_at = now(),
        flagged_reason = CASE WHEN m.status = 'blocked' THEN 'settled while the merchant was blocked' END
      FROM v, merchant m
      WHERE p.id = v.id AND p.id IN (SELECT id FROM locked) AND m.id = p.merchant_id
      RETURNING p.id::text, p.merchant_id::text AS "merchantId", p.out_trade_no AS "outTradeNo", p.provider::text,
        p.provider_transaction_id AS "providerTransactionId", p.amount, p.currency, p.paid_at AS "paidAt", p.payer, p.device`;
      const settledIds = new Set(settled.map((payment) => payment.id));

      // Paid before by another transaction: the order was paid twice. Kept for the duplicate-payment scheduler.
      const extra = fresh.filter((item) => !settledIds.has(item.paymentId)).map((item) => inserted.get(keyOf(item))!);
      if (extra.length > 0) {
        await tx.$executeRaw`
        UPDATE provider_notification SET outcome = 'recorded', reason = 'the payment was already settled; this transaction is an extra payment'
        WHERE id = ANY(${extra}::uuid[])`;
      }

      if (settled.length > 0) {
        const events = settled.map((payment) => ({ deliveryId: uuidv7(), payment, event: buildPaymentSucceededEvent(payment) }));
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
        // One notification for the whole batch: the live view learns of each payment and its delivery at commit.
        await notifyChanges(
          tx,
          events.flatMap(({ deliveryId, payment: { id, merchantId } }) => [
            { kind: 'payment' as const, id, merchantId },
            { kind: 'delivery' as const, id: deliveryId, merchantId },
          ]),
        );
      }
      return items.map((item) => (!inserted.has(keyOf(item)) ? 'duplicate' : settledIds.has(item.paymentId) ? 'applied' : 'recorded'));
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
}
