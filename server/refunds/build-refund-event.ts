import type { RefundEvent } from '@/contracts/refunds';

type FinalRefund = {
  id: string;
  paymentId: string;
  merchantId: string;
  refundNo: string;
  amount: number;
  currency: string;
  reason: RefundEvent['data']['reason'];
  status: RefundEvent['data']['status'];
};

/** The `refund.succeeded` / `refund.failed` event (DESIGN §5 data fields): the webhook body and the topic event. */
export function buildRefundEvent(refund: FinalRefund, outTradeNo: string): Omit<RefundEvent, 'eventId'> {
  return {
    type: refund.status === 'succeeded' ? 'refund.succeeded' : 'refund.failed',
    timestamp: new Date().toISOString(),
    data: {
      refundId: refund.id,
      paymentId: refund.paymentId,
      merchantId: refund.merchantId,
      outTradeNo,
      refundNo: refund.refundNo,
      amount: refund.amount,
      currency: refund.currency,
      reason: refund.reason,
      status: refund.status,
    },
  };
}
