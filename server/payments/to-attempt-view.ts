import type { PaymentAttempt } from '@/generated/prisma/client';
import { payDataSchema } from '@/contracts/payments';

export function toAttemptView(attempt: PaymentAttempt, paidAttemptId: string | null) {
  return {
    id: attempt.id,
    providerTradeNo: attempt.providerTradeNo,
    provider: attempt.provider,
    amount: attempt.amount,
    currency: attempt.currency,
    status: attempt.status,
    providerTransactionId: attempt.providerTransactionId,
    paidAt: attempt.paidAt?.toISOString() ?? null,
    payer: attempt.payer,
    device: attempt.device,
    payData: payDataSchema.nullable().catch(null).parse(attempt.payData),
    expiresAt: attempt.expiresAt.toISOString(),
    isPaidAttempt: attempt.id === paidAttemptId,
    duplicatePayment: attempt.duplicatePayment,
    latePayment: attempt.latePayment,
    failureReason: attempt.failureReason,
    queryCount: attempt.queryCount,
    lastQueriedAt: attempt.lastQueriedAt?.toISOString() ?? null,
    lastProviderState: attempt.lastProviderState,
    nextQueryAt: attempt.nextQueryAt?.toISOString() ?? null,
    createdAt: attempt.createdAt.toISOString(),
  };
}
