import type { Payment } from '@/generated/prisma/client';

export function toPaymentView(payment: Payment) {
  return {
    id: payment.id,
    merchantId: payment.merchantId,
    outTradeNo: payment.outTradeNo,
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
    createdAt: payment.createdAt.toISOString(),
  };
}
