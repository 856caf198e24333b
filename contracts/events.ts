import { z } from 'zod';

/**
 * The `payment.succeeded` topic event as intake publishes it (`server/intake/build-payment-succeeded-event.ts`
 * plus the event id). Subscribers parse it: a queue payload is never trusted by its type alone.
 */
export const paymentSucceededEventSchema = z.object({
  eventId: z.string().min(1).max(100),
  type: z.literal('payment.succeeded'),
  timestamp: z.string(),
  data: z.object({
    paymentId: z.uuid(),
    merchantId: z.uuid(),
    outTradeNo: z.string(),
    provider: z.string(),
    providerTransactionId: z.string(),
    amount: z.number().int().positive(),
    currency: z.string(),
    paidAt: z.iso.datetime({ offset: true }),
    payer: z.string().nullable(),
    device: z.string().nullable(),
  }),
});

export type PaymentSucceededEvent = z.output<typeof paymentSucceededEventSchema>;

/** `merchant.blocked` / `merchant.unblocked`: published in the transaction that changes the status. */
export const merchantStatusEventSchema = z.object({
  eventId: z.string().min(1).max(100),
  type: z.enum(['merchant.blocked', 'merchant.unblocked']),
  timestamp: z.string(),
  data: z.object({
    merchantId: z.uuid(),
    reason: z.string(),
    actor: z.string(),
    source: z.string(),
    alertId: z.uuid().nullable(),
  }),
});

export type MerchantStatusEvent = z.output<typeof merchantStatusEventSchema>;
