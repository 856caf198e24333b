import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { currencySchema, idParamsSchema, minorUnitsSchema } from '@/contracts/common';

export const providerSchema = z.enum(['wechatpay', 'alipay', 'sandbox']);

export const paymentSchema = z.object({
  id: z.uuid(),
  merchantId: z.uuid(),
  outTradeNo: z.string(),
  provider: providerSchema,
  amount: z.number().int(),
  currency: z.string(),
  description: z.string().nullable(),
  status: z.enum(['pending', 'succeeded', 'closed', 'failed', 'refunded', 'partially_refunded']),
  providerTransactionId: z.string().nullable(),
  paidAt: z.string().nullable(),
  payer: z.string().nullable(),
  device: z.string().nullable(),
  refundedAmount: z.number().int(),
  flaggedReason: z.string().nullable(),
  createdAt: z.string(),
});

export const createPaymentBodySchema = z.object({
  merchantId: z.uuid(),
  outTradeNo: z.string().regex(/^[A-Za-z0-9_\-|*]{6,32}$/, 'outTradeNo must be 6–32 characters of letters, digits, _ - | *'),
  amount: minorUnitsSchema,
  currency: currencySchema.default('CNY'),
  provider: providerSchema,
  description: z.string().max(127).optional(),
});

export const createPaymentOperation = defineOperation({
  id: 'createPayment',
  method: 'POST',
  path: '/api/payments',
  summary: 'Create a pending payment (403 merchant_blocked for a blocked merchant)',
  tag: 'payments',
  auth: 'admin-or-merchant',
  body: createPaymentBodySchema,
  status: 201,
  response: paymentSchema,
  errors: [400, 401, 403, 404, 409, 422],
});

export const getPaymentOperation = defineOperation({
  id: 'getPayment',
  method: 'GET',
  path: '/api/payments/{id}',
  summary: 'One payment with its status (a merchant key sees only its own)',
  tag: 'payments',
  auth: 'admin-or-merchant',
  params: idParamsSchema,
  status: 200,
  response: paymentSchema,
  errors: [401, 404],
});
