// The payloads of the queue's jobs. Producers build them through the typed send functions of `lib/queue/jobs.ts`,
// which parse them before they are stored; workers parse them again, as a queue payload is never trusted by type.
import { z } from 'zod';

/** Intake's first job carries only the delivery id; retries and redeliveries say which attempt they are. */
export const deliverWebhookJobSchema = z.object({
  deliveryId: z.uuid(),
  attempt: z.number().int().min(1).default(1),
  /** Position in the retry schedule; a redelivery starts it over. */
  step: z.number().int().min(0).default(0),
});

/**
 * The sandbox provider's back office: the callback for one paid order, or a refund reaching its final state (and
 * its callback). Orders and refunds are named as the provider knows them: by out_trade_no / out_refund_no.
 */
export const sandboxCallbackJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('payment'), outTradeNo: z.string().min(1) }),
  z.object({ kind: z.literal('refund'), outRefundNo: z.string().min(1) }),
]);

/**
 * One look at one payment attempt: query the provider (or, past its expiry, close it there). `force` looks now
 * whatever the attempt's schedule says (the shopper's app reported a result).
 */
export const checkAttemptJobSchema = z.object({ attemptId: z.uuid(), force: z.boolean().default(false) });

/**
 * An attempt the provider reports paid that the payment does not keep: a duplicate payment (the payment already has
 * its paid attempt) or a late one (paid after we closed the attempt). Queued in the transaction that records it.
 */
export const extraPaymentJobSchema = z.object({
  attemptId: z.uuid(),
  paymentId: z.uuid(),
  kind: z.enum(['duplicate_payment', 'late_payment']),
});

/**
 * One look at one refund not yet final: submit it (again, with the same providerRefundNo) while the provider has not
 * taken it, else query it. `force` looks now whatever its schedule says.
 */
export const checkRefundJobSchema = z.object({ refundId: z.uuid(), force: z.boolean().default(false) });

/** Scheduled chores carry nothing: each run works out what is due. */
export const choreJobSchema = z.object({}).loose();
