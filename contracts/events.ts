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
    amount: z.number().int().positive(),
    currency: z.string(),
    paidAt: z.iso.datetime({ offset: true }),
    payer: z.string().nullable(),
    device: z.string().nullable(),
  }),
});

export type PaymentSucceededEvent = z.output<typeof paymentSucceededEventSchema>;
