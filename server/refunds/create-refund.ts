import type { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { Principal } from '@/lib/auth/principal';
import { withinScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import type { createRefundBodySchema } from '@/contracts/refunds';
import { recordAudit } from '@/server/audit/record-audit';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';
import { withRefundAttempt } from './leased-refund';
import { lookAtRefund } from './look-at-refund';
import { newProviderRefundNo } from './refund-numbers';
import { reserveRefund } from './reserve-refund';
import { toRefundView, withAttemptNo } from './to-refund-view';

type CreateRefund = {
  db: Db;
  boss: PgBoss;
  principal: Principal;
  paymentId: string;
  input: z.output<typeof createRefundBodySchema>;
  settings: LifecycleSettings;
};

const refundable: ReadonlySet<string> = new Set(['succeeded', 'partially_refunded', 'refunded']);

/**
 * POST /api/payments/{id}/refunds (DESIGN §5, §9): the merchant's refundNo names the refund, so the same number and
 * amount again is the same refund (created: false) and the same number with anything else is a conflict, whatever
 * the concurrency. A new refund is reserved on the paid attempt and written to the audit trail with its caller in
 * one transaction, then submitted to the provider at once; if that submission does not get through, the refund's
 * own job and the confirm-refunds sweep submit it again with the same number. A blocked merchant may still refund:
 * the money it took is the shopper's.
 */
export async function createRefund({ db, boss, principal, paymentId, input, settings }: CreateRefund) {
  const payment = withinScope(
    principal,
    await db.payment.findUnique({ where: { id: paymentId }, include: { paidAttempt: true } }),
    `Payment ${paymentId}`,
  );
  const existing = () => sameRefund(db, payment.merchantId, paymentId, input);
  const before = await existing();
  if (before) return { created: false, refund: before };
  if (!payment.paidAttempt || !refundable.has(payment.status)) {
    throw new AppError('payment_not_refundable', `Payment ${paymentId} is ${payment.status}, not paid: it cannot be refunded`);
  }
  const attempt = payment.paidAttempt;
  const refundId = await db.$transaction(async (tx) => {
    const id = await reserveRefund({
      tx,
      boss,
      settings,
      attempt,
      refundNo: input.refundNo,
      providerRefundNo: newProviderRefundNo(),
      amount: input.amount,
      reason: input.reason,
      requestedBy: principal.actor,
    });
    if (id === null) return null;
    await recordAudit(tx, {
      actor: principal,
      action: 'refund.create',
      subjectType: 'refund',
      subjectId: id,
      merchantId: payment.merchantId,
      reason: input.reason,
      after: { paymentId, refundNo: input.refundNo, amount: input.amount, currency: attempt.currency, attemptId: attempt.id },
    });
    return id;
  });
  if (refundId === null) {
    // The same number was sent concurrently and the other request made it first.
    const other = await existing();
    if (!other) throw new AppError('conflict', `Refund number ${input.refundNo} is being used by another request`);
    return { created: false, refund: other };
  }
  const leased = await db.refund.findUniqueOrThrow({ where: { id: refundId }, include: withRefundAttempt });
  await lookAtRefund({ db, boss, refund: leased, settings });
  const refund = await db.refund.findUniqueOrThrow({ where: { id: refundId }, include: withAttemptNo });
  return { created: true, refund: toRefundView(refund) };
}

/** The merchant's refund with this number if it is this very request again; another request's answers 409. */
async function sameRefund(db: Db, merchantId: string, paymentId: string, input: z.output<typeof createRefundBodySchema>) {
  const refund = await db.refund.findUnique({
    where: { merchantId_refundNo: { merchantId, refundNo: input.refundNo } },
    include: withAttemptNo,
  });
  if (!refund) return null;
  if (refund.paymentId !== paymentId || refund.amount !== input.amount) {
    throw new AppError(
      'conflict',
      `Refund number ${input.refundNo} is already refund ${refund.id} of ${refund.amount} ${refund.currency} of payment ${refund.paymentId}`,
    );
  }
  return toRefundView(refund);
}
