import type { Db } from '@/lib/db/prisma';
import type { TimelineEntry } from '@/contracts/payment-timeline';
import { automaticRefundReasons } from '@/server/refunds/refund-numbers';
import { timelineKindLimit } from './timeline-kind-limit';

/**
 * The payment's refunds, each where it is now, and every change of their status (recorded by a trigger in the
 * transaction that made it). Two indexed reads by the payment's id. `requestedBy` is named by the caller's `nameActor`.
 */
export async function readRefundEntries({ db, paymentId }: { db: Db; paymentId: string }) {
  const take = timelineKindLimit + 1;
  const [refunds, changes] = await Promise.all([
    db.refund.findMany({ where: { paymentId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take }),
    db.refundStatusChange.findMany({ where: { paymentId }, orderBy: [{ changedAt: 'asc' }, { id: 'asc' }], take }),
  ]);
  const numbers = new Map(refunds.map((refund) => [refund.id, refund.refundNo]));
  const entries: TimelineEntry[] = [
    ...refunds.slice(0, timelineKindLimit).map((refund) => ({
      type: 'refund' as const,
      at: refund.createdAt.toISOString(),
      refundId: refund.id,
      attemptId: refund.attemptId,
      refundNo: refund.refundNo,
      providerRefundNo: refund.providerRefundNo,
      amount: refund.amount,
      currency: refund.currency,
      reason: refund.reason,
      automatic: automaticRefundReasons.has(refund.reason),
      status: refund.status,
      failureReason: refund.failureReason,
      requestedBy: refund.requestedBy,
    })),
    // A change of a refund past the shown 500 would have no number to show; the payment is truncated anyway.
    ...changes.slice(0, timelineKindLimit).flatMap((change) => {
      const refundNo = numbers.get(change.refundId);
      if (refundNo === undefined) return [];
      return [
        {
          type: 'refund_state_change' as const,
          at: change.changedAt.toISOString(),
          refundId: change.refundId,
          refundNo,
          from: change.fromStatus,
          to: change.toStatus,
        },
      ];
    }),
  ];
  const ids = refunds.slice(0, timelineKindLimit).map((refund) => refund.id);
  return { ids, entries, truncated: refunds.length > timelineKindLimit || changes.length > timelineKindLimit };
}
