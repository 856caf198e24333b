import type { PaymentAttempt, Refund } from '@/generated/prisma/client';
import type { RefundView } from '@/contracts/refunds';

type RefundWithAttempt = Refund & { attempt: Pick<PaymentAttempt, 'providerTradeNo'> };

/** A refund as the API shows it. */
export function toRefundView(refund: RefundWithAttempt): RefundView {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    id: refund.id,
    paymentId: refund.paymentId,
    merchantId: refund.merchantId,
    attemptId: refund.attemptId,
    providerTradeNo: refund.attempt.providerTradeNo,
    refundNo: refund.refundNo,
    providerRefundNo: refund.providerRefundNo,
    providerRefundId: refund.providerRefundId,
    amount: refund.amount,
    currency: refund.currency,
    reason: refund.reason,
    status: refund.status,
    failureReason: refund.failureReason,
    requestedBy: refund.requestedBy,
    createdAt: refund.createdAt.toISOString(),
    submittedAt: iso(refund.submittedAt),
    succeededAt: iso(refund.succeededAt),
    finishedAt: iso(refund.finishedAt),
    queryCount: refund.queryCount,
    lastQueriedAt: iso(refund.lastQueriedAt),
    lastProviderState: refund.lastProviderState,
    nextQueryAt: iso(refund.nextQueryAt),
  };
}

export const withAttemptNo = { attempt: { select: { providerTradeNo: true } } } as const;
