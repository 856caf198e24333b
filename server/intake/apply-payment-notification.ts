import { fromPrisma } from 'pg-boss';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '@/lib/db/prisma';
import { getBoss } from '@/lib/queue/boss';
import { queues, topics } from '@/lib/queue/queues';
import type { PaymentNotification } from '@/server/providers/provider-notification';
import { buildPaymentSucceededEvent, type SettledPayment } from './build-payment-succeeded-event';
import { recordNotification, type InboxEntry } from './record-notification';

type Apply = {
  db: Db;
  notification: PaymentNotification;
  paymentId: string;
  evidence: Pick<InboxEntry, 'rawBody' | 'headers'>;
};

export type ApplyOutcome = 'applied' | 'duplicate' | 'recorded';

/**
 * One callback on its own (group-commit.ts batches many, and falls back to this when a batch fails).
 * DESIGN §3 invariants 1 and 2: the inbox row, the payment's new state, the delivery and its job,
 * and the topic event commit in one transaction, and a provider's payment is applied at most once
 * (the inbox's unique key serializes concurrent copies; the first commits, the rest count as duplicates).
 */
export async function applyPaymentNotification({ db, notification, paymentId, evidence }: Apply): Promise<ApplyOutcome> {
  const boss = await getBoss();
  return db.$transaction(async (tx) => {
    const inbox = await recordNotification(tx, {
      ...evidence,
      provider: notification.provider,
      kind: 'payment',
      outcome: 'applied',
      dedupeKey: `payment:${notification.providerTransactionId}`,
      notificationId: notification.notificationId,
      reason: null,
      paymentId,
    });
    if (!inbox.inserted) return 'duplicate';

    const [settled] = await tx.$queryRaw<SettledPayment[]>`
      UPDATE payment p SET status = 'succeeded', provider_transaction_id = ${notification.providerTransactionId},
        paid_at = ${notification.paidAt ?? new Date()}, payer = ${notification.payer}, device = ${notification.device},
        flagged_reason = CASE WHEN m.status = 'blocked' THEN 'settled while the merchant was blocked' END,
        updated_at = now()
      FROM merchant m
      WHERE p.id = ${paymentId}::uuid AND m.id = p.merchant_id AND p.status IN ('pending', 'closed', 'failed')
      RETURNING p.id::text, p.merchant_id::text AS "merchantId", p.out_trade_no AS "outTradeNo", p.provider::text,
        p.provider_transaction_id AS "providerTransactionId", p.amount, p.currency, p.paid_at AS "paidAt",
        p.payer, p.device`;
    if (!settled) {
      // Paid before by another transaction: the order was paid twice. Kept for the duplicate-payment scheduler.
      await tx.providerNotification.update({
        where: { id: inbox.id },
        data: { outcome: 'recorded', reason: `payment ${paymentId} was already settled; this transaction is an extra payment` },
      });
      return 'recorded';
    }

    const deliveryId = uuidv7();
    const event = buildPaymentSucceededEvent(settled);
    await tx.delivery.create({
      data: { id: deliveryId, merchantId: settled.merchantId, paymentId: settled.id, eventType: event.type, payload: event },
    });
    const db = fromPrisma(tx);
    await boss.send(queues.deliverWebhook, { deliveryId }, { db, id: deliveryId, group: { id: settled.merchantId } });
    await boss.publish(topics.paymentSucceeded, { eventId: deliveryId, ...event }, { db });
    return 'applied';
  }, transactionOptions);
}

// Copies of one notification queue behind the first one's row lock; give them time to wait.
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };
