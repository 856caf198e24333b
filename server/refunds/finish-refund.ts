import type { PgBoss } from 'pg-boss';
import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { eventTopics, jobs } from '@/lib/queue/jobs';
import { insertJobs, publishEvents } from '@/lib/queue/send-job';
import type { LiveChange } from '@/contracts/live';
import { buildRefundEvent } from './build-refund-event';
import { automaticRefundReasons } from './refund-numbers';
import { openRefundStatuses } from './refund-outcome';

type FinishRefund = {
  tx: Tx;
  boss: PgBoss;
  refundId: string;
  status: 'succeeded' | 'closed' | 'failed';
  providerState: string;
  providerRefundId?: string | null;
  succeededAt?: Date | null;
  failureReason?: string | null;
  /** The end was learnt by a look of ours (a submission or a query): it is counted like one. */
  looked?: boolean;
};

/**
 * A refund reaches its final state, in the caller's transaction, from any path (our submission, our query, the
 * provider's notification): one conditional UPDATE, so of two paths that learn the end at once only one applies it.
 * Succeeded: the booking trigger books the refund and the fee it returns and raises the attempt's refunded amount;
 * a refund of the payment's paid attempt makes the payment partially_refunded or refunded. Closed or failed: the
 * reserved amount is released. Either way the `refund.succeeded` / `refund.failed` event is published on its topic
 * and, for a refund the merchant asked for, delivered to its webhook, and the live view is told. False when the
 * refund was already final.
 */
export async function finishRefund({ tx, boss, refundId, status, providerState, ...facts }: FinishRefund): Promise<boolean> {
  const now = new Date();
  const finished = await tx.refund.updateMany({
    where: { id: refundId, status: { in: [...openRefundStatuses] } },
    data: {
      status,
      providerRefundId: facts.providerRefundId ?? undefined,
      succeededAt: status === 'succeeded' ? (facts.succeededAt ?? now) : undefined,
      failureReason: facts.failureReason ?? undefined,
      finishedAt: now,
      lastProviderState: providerState,
      nextQueryAt: null,
      leaseUntil: null,
      ...(facts.looked ? { queryCount: { increment: 1 }, lastQueriedAt: now } : {}),
    },
  });
  if (finished.count === 0) return false;
  if (status !== 'failed') {
    // The provider had taken it, even if we learnt so only now (a notification after a crash before submission).
    await tx.$executeRaw`UPDATE refund SET submitted_at = ${now} WHERE id = ${refundId}::uuid AND submitted_at IS NULL`;
  }
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    include: { payment: { select: { outTradeNo: true, paidAttemptId: true } } },
  });
  if (status === 'succeeded') {
    await tx.$executeRaw`
      UPDATE payment p SET refunded_amount = a.refunded_amount, updated_at = now(),
        status = (CASE WHEN a.refunded_amount >= p.amount THEN 'refunded' ELSE 'partially_refunded' END)::"PaymentStatus"
      FROM payment_attempt a
      WHERE p.id = ${refund.paymentId}::uuid AND a.id = ${refund.attemptId}::uuid AND p.paid_attempt_id = a.id`;
  } else {
    await tx.$executeRaw`
      UPDATE payment_attempt SET refund_reserved = refund_reserved - ${refund.amount}, updated_at = now()
      WHERE id = ${refund.attemptId}::uuid`;
  }

  const eventId = uuidv7();
  const event = buildRefundEvent({ ...refund, status }, refund.payment.outTradeNo);
  const changes: LiveChange[] = [
    { kind: 'refund', id: refund.id, merchantId: refund.merchantId },
    { kind: 'payment', id: refund.paymentId, merchantId: refund.merchantId },
  ];
  // Automatic refunds give back money the merchant was never told of: they are published, not sent to its webhook.
  if (!automaticRefundReasons.has(refund.reason)) {
    await tx.delivery.create({
      data: { id: eventId, merchantId: refund.merchantId, paymentId: refund.paymentId, eventType: event.type, payload: event, refundId },
    });
    await insertJobs(boss, jobs.deliverWebhook, [{ id: eventId, data: { deliveryId: eventId }, group: { id: refund.merchantId } }], { tx });
    changes.push({ kind: 'delivery', id: eventId, merchantId: refund.merchantId });
  }
  const topic = status === 'succeeded' ? eventTopics.refundSucceeded : eventTopics.refundFailed;
  await publishEvents(boss, topic, [{ eventId, ...event }], { tx });
  await notifyChanges(tx, changes);
  return true;
}
