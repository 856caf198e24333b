// What every provider verifier hands to intake once a callback's signature has been proven.
export type ProviderName = 'wechatpay' | 'alipay' | 'sandbox';

export type PaymentNotification = {
  kind: 'payment';
  provider: ProviderName;
  /** The provider's id of this notification (WeChat envelope id, Alipay notify_id). */
  notificationId: string;
  outTradeNo: string;
  providerTransactionId: string;
  /** True when the provider reports the order as paid (WeChat SUCCESS, Alipay TRADE_SUCCESS/TRADE_FINISHED). */
  paid: boolean;
  /** The provider's own state word, kept for the record (SUCCESS, TRADE_CLOSED, …). */
  tradeState: string;
  /** Integer minor units (fen). */
  amount: number;
  currency: string;
  paidAt: Date | null;
  payer: string | null;
  device: string | null;
};

export type RefundNotification = {
  kind: 'refund';
  provider: ProviderName;
  notificationId: string;
  outTradeNo: string;
  outRefundNo: string;
  providerRefundId: string;
  providerTransactionId: string;
  /** SUCCESS, CLOSED, ABNORMAL, … as the provider says it. */
  refundStatus: string;
  amount: number;
  currency: string;
  succeededAt: Date | null;
};

export type ProviderNotification = PaymentNotification | RefundNotification;
