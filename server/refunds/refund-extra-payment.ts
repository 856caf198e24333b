import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';
import { withRefundAttempt } from './leased-refund';
import { lookAtRefund } from './look-at-refund';
import { automaticRefundNumbers } from './refund-numbers';
import type { RefundOutcome } from './refund-outcome';
import { reserveRefund } from './reserve-refund';

type RefundExtraPayment = { db: Db; boss: PgBoss; attemptId: string; settings: LifecycleSettings };

export type ExtraRefundOutcome = RefundOutcome | 'already_refunding' | 'kept' | 'refund_refused';

/**
 * DESIGN §9 duplicate payment: an attempt paid that its payment does not keep (another attempt is its paid one) is
 * refunded in full, automatically: `paid_after_close` when it was paid after we had closed it, else
 * `duplicate_payment`. The refund's numbers derive from the attempt, so a retried job, a second worker or the
 * find-duplicates sweep meets the refund already made instead of making another; the reserve keeps it within what
 * the attempt was paid. Submitted at once; its own looks drive it to a final state.
 */
export async function refundExtraPayment({ db, boss, attemptId, settings }: RefundExtraPayment): Promise<ExtraRefundOutcome> {
  const attempt = await db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { payment: true } });
  if (attempt.status !== 'succeeded' || attempt.payment.paidAttemptId === attempt.id) return 'kept';
  const reason = attempt.latePayment ? 'paid_after_close' : 'duplicate_payment';
  const numbers = automaticRefundNumbers(attempt.providerTradeNo, reason);
  let refundId: string | null;
  try {
    refundId = await db.$transaction(async (tx) => {
      // Flagged by intake in the transaction that paid it; a sweep that finds one unflagged flags it here.
      await tx.paymentAttempt.updateMany({ where: { id: attempt.id, duplicatePayment: false }, data: { duplicatePayment: true } });
      return reserveRefund({ tx, boss, settings, attempt, ...numbers, amount: attempt.amount, reason, requestedBy: 'system' });
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    logger.error({ attemptId, err: error }, 'the extra payment could not be reserved for its refund');
    return 'refund_refused';
  }
  if (refundId === null) return 'already_refunding';
  const leased = await db.refund.findUniqueOrThrow({ where: { id: refundId }, include: withRefundAttempt });
  return lookAtRefund({ db, boss, refund: leased, settings });
}
