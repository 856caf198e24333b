export type SettledPayment = {
  id: string;
  merchantId: string;
  outTradeNo: string;
  provider: string;
  providerTransactionId: string;
  amount: number;
  currency: string;
  paidAt: Date;
  payer: string | null;
  device: string | null;
};

/** The `payment.succeeded` event: the webhook body merchants receive and the topic event subscribers get. */
export function buildPaymentSucceededEvent(payment: SettledPayment) {
  return {
    type: 'payment.succeeded' as const,
    timestamp: new Date().toISOString(),
    data: {
      paymentId: payment.id,
      merchantId: payment.merchantId,
      outTradeNo: payment.outTradeNo,
      provider: payment.provider,
      providerTransactionId: payment.providerTransactionId,
      amount: payment.amount,
      currency: payment.currency,
      paidAt: new Date(payment.paidAt).toISOString(),
      payer: payment.payer,
      device: payment.device,
    },
  };
}
