import { v7 as uuidv7 } from 'uuid';
import type { PaymentSucceededEvent } from '@/contracts/events';

/** A `payment.succeeded` event as intake publishes it, at a time the test chooses (subscribers judge by paidAt). */
export function paymentEvent(input: {
  merchantId: string;
  amount: number;
  paidAt: Date;
  payer?: string | null;
  device?: string | null;
  paymentId?: string;
  provider?: string;
}): PaymentSucceededEvent {
  const paymentId = input.paymentId ?? uuidv7();
  return {
    eventId: uuidv7(),
    type: 'payment.succeeded',
    timestamp: input.paidAt.toISOString(),
    data: {
      paymentId,
      merchantId: input.merchantId,
      outTradeNo: `T${paymentId.replaceAll('-', '').slice(-20)}`,
      provider: input.provider ?? 'wechatpay',
      providerTransactionId: `4200${paymentId.replaceAll('-', '').slice(-24)}`,
      amount: input.amount,
      currency: 'CNY',
      paidAt: input.paidAt.toISOString(),
      payer: input.payer === undefined ? `payer-${paymentId.slice(-8)}` : input.payer,
      device: input.device === undefined ? 'POS-1' : input.device,
    },
  };
}
