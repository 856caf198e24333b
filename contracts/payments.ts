import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { currencySchema, idParamsSchema, minorUnitsSchema } from '@/contracts/common';

export const providerSchema = z.enum(['wechatpay', 'alipay', 'sandbox']);

export const paymentStatusSchema = z.enum(['pending', 'succeeded', 'closed', 'failed', 'refunded', 'partially_refunded']);

export const attemptStatusSchema = z.enum(['pending', 'succeeded', 'closing', 'closed', 'failed']);

/** What the shopper's app or till needs: WeChat's `codeUrl`, Alipay's `qrCode`. */
export const payDataSchema = z.record(z.string(), z.string());

export const paymentAttemptSchema = z.object({
  id: z.uuid(),
  providerTradeNo: z.string().describe("Ours, unique across the system: the provider's out_trade_no"),
  provider: providerSchema,
  amount: z.number().int(),
  currency: z.string(),
  status: attemptStatusSchema,
  providerTransactionId: z.string().nullable(),
  paidAt: z.string().nullable(),
  payer: z.string().nullable(),
  device: z.string().nullable(),
  payData: payDataSchema.nullable(),
  expiresAt: z.string(),
  isPaidAttempt: z.boolean().describe('The attempt whose money the payment keeps'),
  duplicatePayment: z.boolean().describe('Paid while another attempt was already the paid one: its money is given back'),
  latePayment: z.boolean().describe('Paid after the attempt was closed'),
  failureReason: z.string().nullable(),
  queryCount: z.number().int(),
  lastQueriedAt: z.string().nullable(),
  lastProviderState: z.string().nullable(),
  nextQueryAt: z.string().nullable(),
  createdAt: z.string(),
});

export const paymentSchema = z.object({
  id: z.uuid(),
  merchantId: z.uuid(),
  outTradeNo: z.string(),
  /** The paid attempt's, else the latest attempt's. */
  providerTradeNo: z.string().nullable(),
  provider: providerSchema,
  amount: z.number().int(),
  currency: z.string(),
  description: z.string().nullable(),
  status: paymentStatusSchema,
  providerTransactionId: z.string().nullable(),
  paidAt: z.string().nullable(),
  payer: z.string().nullable(),
  device: z.string().nullable(),
  refundedAmount: z.number().int(),
  flaggedReason: z.string().nullable(),
  expiresAt: z.string().nullable(),
  payData: payDataSchema.nullable(),
  createdAt: z.string(),
});

export const paymentRefundSummarySchema = z.object({
  id: z.uuid(),
  refundNo: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  reason: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

export const paymentDetailSchema = paymentSchema.extend({
  attempts: z.array(paymentAttemptSchema),
  refunds: z.array(paymentRefundSummarySchema),
});

export const createPaymentBodySchema = z.object({
  merchantId: z.uuid(),
  outTradeNo: z.string().regex(/^[A-Za-z0-9_\-|*]{6,32}$/, 'outTradeNo must be 6–32 characters of letters, digits, _ - | *'),
  amount: minorUnitsSchema,
  currency: currencySchema.default('CNY'),
  provider: providerSchema,
  description: z.string().max(127).optional(),
  expiresInSeconds: z
    .number()
    .int('expiresInSeconds must be a whole number of seconds')
    .min(1, 'expiresInSeconds must be at least 1')
    .max(7 * 86_400, 'expiresInSeconds must be at most 7 days (604800)')
    .optional(),
});

export const createPaymentOperation = defineOperation({
  id: 'createPayment',
  method: 'POST',
  path: '/api/payments',
  summary:
    'Place an order with the provider: 201 with payData; the same outTradeNo again while pending: 200 with a new attempt; ' +
    '409 already_paid once paid; 403 merchant_blocked; 502 when the provider cannot take it',
  tag: 'payments',
  auth: { staff: 'admin', merchant: 'developer' },
  body: createPaymentBodySchema,
  status: 201,
  response: paymentDetailSchema,
  errors: [400, 401, 403, 404, 409, 422, 429, 502, 503],
});

export const getPaymentOperation = defineOperation({
  id: 'getPayment',
  method: 'GET',
  path: '/api/payments/{id}',
  summary: 'One payment with its status, attempts and refunds (a merchant key sees only its own)',
  tag: 'payments',
  auth: { staff: 'read', merchant: 'read' },
  params: idParamsSchema,
  status: 200,
  response: paymentDetailSchema,
  errors: [401, 404, 429],
});

export const clientResultBodySchema = z.object({
  /** What the shopper's app says happened; never trusted. */
  status: z.enum(['succeeded', 'failed', 'cancelled', 'processing', 'unknown']),
  /** The app SDK's own result, kept as evidence. */
  raw: z
    .unknown()
    .optional()
    .refine((raw) => raw === undefined || JSON.stringify(raw).length <= 8_192, 'raw must be at most 8 KB of JSON'),
});

export const clientResultSchema = z.object({
  id: z.uuid(),
  paymentId: z.uuid(),
  status: clientResultBodySchema.shape.status,
  /** The payment's status, unchanged by this report. */
  paymentStatus: paymentStatusSchema,
  /** Attempts whose status the provider is being asked for now. */
  queriedAttempts: z.array(z.string()),
  receivedAt: z.string(),
});

export const reportClientResultOperation = defineOperation({
  id: 'reportClientResult',
  method: 'POST',
  path: '/api/payments/{id}/client-result',
  summary: "The shopper's app reports how paying went: recorded, never trusted; the provider is queried at once",
  tag: 'payments',
  auth: { staff: 'admin', merchant: 'developer' },
  params: idParamsSchema,
  body: clientResultBodySchema,
  status: 202,
  response: clientResultSchema,
  errors: [400, 401, 404, 422, 429],
});
