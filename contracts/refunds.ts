// Refunds (DESIGN §3 Refund, §5 refund contract): the API's request and answers, and the `refund.succeeded` /
// `refund.failed` event that the topic carries and the merchant's webhook receives.
import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema, minorUnitsSchema } from '@/contracts/common';
import { cursorParam, limitParam } from '@/contracts/list-params';

export const refundStatusSchema = z.enum(['pending', 'processing', 'succeeded', 'failed', 'closed', 'abnormal']);

export const refundReasonSchema = z.enum(['customer', 'merchant', 'duplicate_payment', 'paid_after_close', 'other']);

/** The reasons a caller may give; `duplicate_payment` and `paid_after_close` are the gateway's own refunds. */
export const requestedRefundReasonSchema = z.enum(['customer', 'merchant', 'other']);

export const createRefundBodySchema = z.object({
  refundNo: z
    .string()
    .regex(/^[A-Za-z0-9_\-|*@.]{1,64}$/, 'refundNo must be 1–64 letters, digits or _ - | * @ .')
    .describe("The merchant's own refund number, unique per merchant: the same number again is the same refund"),
  amount: minorUnitsSchema.describe('Minor units (fen) to give back, at most what is left to refund'),
  reason: requestedRefundReasonSchema.default('customer'),
});

export const refundSchema = z.object({
  id: z.uuid(),
  paymentId: z.uuid(),
  merchantId: z.uuid(),
  /** The paid attempt the money goes back from (a duplicate payment's own attempt for an automatic refund). */
  attemptId: z.uuid(),
  providerTradeNo: z.string(),
  refundNo: z.string(),
  providerRefundNo: z.string().describe("Ours, unique: the provider's out_refund_no / out_request_no, the same on every retry"),
  providerRefundId: z.string().nullable(),
  amount: z.number().int(),
  currency: z.string(),
  reason: refundReasonSchema,
  status: refundStatusSchema,
  failureReason: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  succeededAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  queryCount: z.number().int(),
  lastQueriedAt: z.string().nullable(),
  lastProviderState: z.string().nullable(),
  nextQueryAt: z.string().nullable(),
});

export type RefundView = z.output<typeof refundSchema>;

export const createRefundOperation = defineOperation({
  id: 'createRefund',
  method: 'POST',
  path: '/api/payments/{id}/refunds',
  summary:
    'Refund part or all of a paid payment: 201 with the refund (pending, processing or succeeded; failed when the ' +
    'provider refuses it); the same refundNo and amount again: 200 with the same refund; the same refundNo with ' +
    'another amount: 409; more than is left: 422 refund_exceeds_paid; a 51st refund: 422 refund_limit_reached; a ' +
    'payment not paid: 409 payment_not_refundable',
  tag: 'refunds',
  auth: { staff: 'decide', merchant: 'developer' },
  params: idParamsSchema,
  body: createRefundBodySchema,
  status: 201,
  response: refundSchema,
  errors: [400, 401, 403, 404, 409, 422, 429],
});

export const getRefundOperation = defineOperation({
  id: 'getRefund',
  method: 'GET',
  path: '/api/refunds/{id}',
  summary: 'One refund with its status and what the provider last said (a merchant sees only its own)',
  tag: 'refunds',
  auth: { staff: 'read', merchant: 'read' },
  params: idParamsSchema,
  status: 200,
  response: refundSchema,
  errors: [401, 404, 429],
});

export const listPaymentRefundsQuerySchema = z.object({ limit: limitParam, cursor: cursorParam });

export const listPaymentRefundsOperation = defineOperation({
  id: 'listPaymentRefunds',
  method: 'GET',
  path: '/api/payments/{id}/refunds',
  summary: "A payment's refunds, newest first, keyset-paginated (automatic refunds of duplicate payments included)",
  tag: 'refunds',
  auth: { staff: 'read', merchant: 'read' },
  params: idParamsSchema,
  query: listPaymentRefundsQuerySchema,
  status: 200,
  response: z.object({ items: z.array(refundSchema), nextCursor: z.string().nullable() }),
  errors: [401, 404, 422, 429],
});

/** `refund.succeeded` / `refund.failed` (closed or refused), as delivered and as published on the topic. */
export const refundEventSchema = z.object({
  eventId: z.string().min(1).max(100),
  type: z.enum(['refund.succeeded', 'refund.failed']),
  timestamp: z.string(),
  data: z.object({
    refundId: z.uuid(),
    paymentId: z.uuid(),
    merchantId: z.uuid(),
    outTradeNo: z.string(),
    refundNo: z.string(),
    amount: z.number().int().positive(),
    currency: z.string(),
    reason: refundReasonSchema,
    status: z.enum(['succeeded', 'failed', 'closed']),
  }),
});

export type RefundEvent = z.output<typeof refundEventSchema>;
