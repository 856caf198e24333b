import type { Payment, PaymentAttempt, Refund } from '@/generated/prisma/client';
import { toAttemptView } from './to-attempt-view';

type PaymentWithAttempts = Payment & { attempts: PaymentAttempt[]; refunds?: Refund[] };

/**
 * A payment as the API shows it. Its `providerTradeNo` and `payData` are those of one attempt: the one asked for
 * (the attempt a create just placed), else the paid attempt, else the newest.
 */
export function toPaymentView(payment: PaymentWithAttempts, focusAttemptId?: string) {
  const attempts = [...payment.attempts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const focus =
    attempts.find((attempt) => attempt.id === focusAttemptId) ??
    attempts.find((attempt) => attempt.id === payment.paidAttemptId) ??
    attempts.at(-1);
  const focusView = focus && toAttemptView(focus, payment.paidAttemptId);
  return {
    id: payment.id,
    merchantId: payment.merchantId,
    outTradeNo: payment.outTradeNo,
    providerTradeNo: focus?.providerTradeNo ?? null,
    provider: payment.provider,
    amount: payment.amount,
    currency: payment.currency,
    description: payment.description,
    status: payment.status,
    providerTransactionId: payment.providerTransactionId,
    paidAt: payment.paidAt?.toISOString() ?? null,
    payer: payment.payer,
    device: payment.device,
    refundedAmount: payment.refundedAmount,
    flaggedReason: payment.flaggedReason,
    expiresAt: payment.expiresAt?.toISOString() ?? null,
    payData: focusView?.payData ?? null,
    createdAt: payment.createdAt.toISOString(),
    attempts: attempts.map((attempt) => toAttemptView(attempt, payment.paidAttemptId)),
    refunds: (payment.refunds ?? []).map((refund) => ({
      id: refund.id,
      refundNo: refund.refundNo,
      amount: refund.amount,
      currency: refund.currency,
      reason: refund.reason,
      status: refund.status,
      createdAt: refund.createdAt.toISOString(),
    })),
  };
}
