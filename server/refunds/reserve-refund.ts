import type { PgBoss } from 'pg-boss';
import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { notifyChanges } from '@/lib/live/notify-changes';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';
import { nextRefundLookAt } from './next-refund-look-at';
import { scheduleRefundCheck } from './schedule-refund-check';

type ReserveRefund = {
  tx: Tx;
  boss: PgBoss;
  settings: LifecycleSettings;
  attempt: { id: string; paymentId: string; merchantId: string; currency: string };
  refundNo: string;
  providerRefundNo: string;
  amount: number;
  reason: 'customer' | 'merchant' | 'other' | 'duplicate_payment' | 'paid_after_close';
  requestedBy: string;
};

/**
 * DESIGN §3 refund invariant, before the provider hears of it: the refund row is written (pending, leased to this
 * caller, who submits it next; its first look due on the schedule in case the caller dies first) and the amount is
 * reserved on the paid attempt in the UPDATE that checks it fits in what was paid and that the order has fewer than
 * 50 refunds. Concurrent refunds of one attempt queue on its row lock, so together they can never exceed what was
 * paid; CHECK constraints are the backstop. A refund whose number is already taken (a retry, or the same number
 * sent concurrently: the unique key makes the second wait for the first) reserves nothing and answers null.
 * A refund that does not fit throws, rolling back the row with the transaction.
 */
export async function reserveRefund({ tx, boss, settings, attempt, ...refund }: ReserveRefund): Promise<string | null> {
  const id = uuidv7();
  const now = new Date();
  const firstLook = nextRefundLookAt({ from: now, looks: 0, schedule: settings.refundQuerySchedule });
  const inserted = await tx.$executeRaw`
    INSERT INTO refund (id, payment_id, attempt_id, merchant_id, refund_no, provider_refund_no, amount, currency, reason, status,
      requested_by, next_query_at, lease_until, created_at, updated_at)
    VALUES (${id}::uuid, ${attempt.paymentId}::uuid, ${attempt.id}::uuid, ${attempt.merchantId}::uuid, ${refund.refundNo},
      ${refund.providerRefundNo}, ${refund.amount}, ${attempt.currency}, ${refund.reason}::"RefundReason", 'pending',
      ${refund.requestedBy}, ${firstLook}, now() + make_interval(secs => ${settings.leaseSeconds}), ${now}, ${now})
    ON CONFLICT DO NOTHING`;
  if (inserted === 0) return null;
  const reserved = await tx.$executeRaw`
    UPDATE payment_attempt SET refund_reserved = refund_reserved + ${refund.amount}, refund_count = refund_count + 1, updated_at = now()
    WHERE id = ${attempt.id}::uuid AND status = 'succeeded' AND refund_reserved + ${refund.amount} <= amount AND refund_count < 50`;
  if (reserved === 0) throw await refusalOf(tx, attempt.id, refund.amount);
  await scheduleRefundCheck({ tx, boss, refundId: id, at: firstLook });
  await notifyChanges(tx, [
    { kind: 'refund', id, merchantId: attempt.merchantId },
    { kind: 'payment', id: attempt.paymentId, merchantId: attempt.merchantId },
  ]);
  return id;
}

async function refusalOf(tx: Tx, attemptId: string, amount: number): Promise<AppError> {
  const attempt = await tx.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  if (attempt.status !== 'succeeded') {
    return new AppError('payment_not_refundable', `Attempt ${attempt.providerTradeNo} is ${attempt.status}, not paid: nothing to refund`);
  }
  if (attempt.refundCount >= 50) {
    return new AppError('refund_limit_reached', `Attempt ${attempt.providerTradeNo} already has 50 refunds, the most a provider takes`);
  }
  const left = attempt.amount - attempt.refundReserved;
  return new AppError(
    'refund_exceeds_paid',
    `A refund of ${amount} is more than is left to refund: ${left} of ${attempt.amount} ${attempt.currency} (refunds pending or done: ${attempt.refundReserved})`,
    { paid: attempt.amount, reserved: attempt.refundReserved, left },
  );
}
