// The order detail as one story (DESIGN §8): every fact about one payment, each a typed entry, in time order.
import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema } from '@/contracts/common';
import { attemptStatusSchema, providerSchema } from '@/contracts/payments';
import { refundReasonSchema, refundStatusSchema } from '@/contracts/refunds';

const actor = z
  .string()
  .describe(
    'Who: user:<email>, token:admin, api-key:<prefix>, risk-engine, system (automatic). A merchant caller sees its own ' +
      "users and keys as they are, Paygate's people as `staff`, and a person no longer a user as `former-user`",
  );

const at = z.string().describe('When it happened (ISO 8601)');
const entry = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), at, ...shape });

export const timelineEntrySchema = z.discriminatedUnion('type', [
  entry('created', { amount: z.number().int(), currency: z.string(), provider: providerSchema, outTradeNo: z.string() }),
  entry('attempt', {
    attemptId: z.uuid(),
    providerTradeNo: z.string().describe("Ours: the provider's out_trade_no"),
    provider: providerSchema,
    amount: z.number().int(),
    currency: z.string(),
    status: attemptStatusSchema.describe('Where the attempt is now'),
    isPaidAttempt: z.boolean(),
    duplicatePayment: z.boolean(),
    latePayment: z.boolean(),
    failureReason: z.string().nullable(),
  }),
  entry('provider_exchange', {
    exchangeId: z.uuid(),
    attemptId: z.uuid().nullable(),
    operation: z
      .enum(['create_order', 'query_order', 'close_order', 'refund', 'query_refund', 'download_bill'])
      .describe('query_order is a status query'),
    verdict: z.enum(['ok', 'rejected', 'failed']),
    httpStatus: z.number().int().nullable().describe('Null when no answer came'),
    reason: z.string().nullable(),
    durationMs: z.number().int(),
  }),
  entry('client_result', { clientResultId: z.uuid(), status: z.string().describe("What the shopper's app reported; never trusted") }),
  entry('state_change', { from: z.string(), to: z.string() }),
  entry('notification', {
    notificationId: z.uuid().describe('The inbox entry, with its raw body and headers: GET /api/notifications/{id}'),
    provider: providerSchema,
    kind: z.enum(['payment', 'refund', 'unknown']),
    outcome: z.enum(['applied', 'duplicate', 'recorded', 'rejected']),
    reason: z.string().nullable(),
    source: z.enum(['callback', 'query']).describe("callback: the provider's notification; query: its answer to our status query"),
    attemptId: z.uuid().nullable(),
    receivedCount: z.number().int().describe('Copies received; duplicates are counted on the first'),
    lastReceivedAt: z.string(),
  }),
  entry('delivery', {
    deliveryId: z.uuid(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
    attemptCount: z.number().int(),
  }),
  entry('delivery_attempt', {
    deliveryId: z.uuid(),
    attemptNumber: z.number().int(),
    statusCode: z.number().int().nullable(),
    durationMs: z.number().int(),
    error: z.string().nullable(),
  }),
  entry('risk_evaluation', { eventId: z.string().describe('The payment event the risk engine judged') }),
  entry('risk_alert', {
    alertId: z.uuid(),
    kind: z.string(),
    ruleId: z.uuid().nullable(),
    status: z.enum(['open', 'acknowledged', 'blocked', 'dismissed']),
    hitCount: z.number().int(),
  }),
  entry('refund', {
    refundId: z.uuid().describe('Its detail: GET /api/refunds/{id}'),
    attemptId: z.uuid(),
    refundNo: z.string().describe("The merchant's number (for an automatic refund, ours)"),
    providerRefundNo: z.string().describe("Ours: the provider's out_refund_no / out_request_no"),
    amount: z.number().int(),
    currency: z.string(),
    reason: refundReasonSchema,
    automatic: z.boolean().describe('We refunded it ourselves: a duplicate payment or one paid after the order closed'),
    status: refundStatusSchema.describe('Where the refund is now; how it got there is in its refund_state_change entries'),
    failureReason: z.string().nullable(),
    requestedBy: actor,
  }),
  entry('refund_state_change', { refundId: z.uuid(), refundNo: z.string(), from: refundStatusSchema, to: refundStatusSchema }),
  entry('action', {
    actor,
    action: z.string().describe('e.g. refund.create, risk_alert.decide, delivery.redeliver'),
    subjectType: z.string(),
    subjectId: z.string(),
    reason: z.string().nullable(),
  }),
]);

export type TimelineEntry = z.output<typeof timelineEntrySchema>;

export const paymentTimelineSchema = z.object({
  paymentId: z.uuid(),
  merchantId: z.uuid(),
  entries: z.array(timelineEntrySchema).describe('Oldest first; entries at the same instant in the order the facts follow each other'),
  truncated: z.boolean().describe('Some kind of entry had more than 500 rows; the oldest 500 of it are shown'),
});

export const getPaymentTimelineOperation = defineOperation({
  id: 'getPaymentTimeline',
  method: 'GET',
  path: '/api/payments/{id}/timeline',
  summary:
    'The order as one timeline: creation, attempts, provider notifications (rejected ones too), status queries and other ' +
    'provider exchanges, state changes, deliveries with every attempt, risk evaluations and alerts, refunds with their ' +
    'state changes, people’s actions; a merchant caller gets it without the risk entries and sees Paygate’s people as staff',
  tag: 'payments',
  auth: { staff: 'read', merchant: 'read' },
  params: idParamsSchema,
  status: 200,
  response: paymentTimelineSchema,
  errors: [401, 404, 429],
});
