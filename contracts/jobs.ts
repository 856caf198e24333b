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

/** The sandbox provider's callback for one paid order, with what the shopper's app reported. */
export const sandboxCallbackJobSchema = z.object({ paymentId: z.uuid(), payer: z.string().nullable(), device: z.string().nullable() });

/** Scheduled chores carry nothing: each run works out what is due. */
export const choreJobSchema = z.object({}).loose();
