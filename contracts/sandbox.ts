import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema } from '@/contracts/common';

const providerTradeNoSchema = z.string().regex(/^[A-Za-z0-9_]{6,32}$/, 'providerTradeNo must be 6–32 letters, digits or _');

export const sandboxPayBodySchema = z.object({
  fault: z.enum(['none', 'lost', 'duplicate', 'late']).default('none'),
  /** How many copies a `duplicate` fault sends at once. */
  copies: z.number().int().min(2).max(20).default(3),
  /** How long a `late` fault holds the callback back. */
  delaySeconds: z.number().int().min(1).max(3600).default(30),
  payer: z.string().max(128).optional(),
  device: z.string().max(64).optional(),
  /** Which attempt the shopper pays; by default the payment's latest pending one. */
  providerTradeNo: providerTradeNoSchema.optional(),
});

export const sandboxPaySchema = z.object({
  paymentId: z.uuid(),
  providerTradeNo: z.string(),
  transactionId: z.string(),
  callbacks: z.number().int().describe('How many callbacks the sandbox will send'),
  sendAfterSeconds: z.number().int(),
});

export const paySandboxOrderOperation = defineOperation({
  id: 'paySandboxOrder',
  method: 'POST',
  path: '/api/sandbox/payments/{id}/pay',
  summary: 'The sandbox shopper pays: the sandbox provider sends a signed callback, with an optional fault',
  tag: 'sandbox',
  auth: { staff: 'admin', merchant: 'developer' },
  params: idParamsSchema,
  body: sandboxPayBodySchema,
  status: 202,
  response: sandboxPaySchema,
  errors: [400, 401, 404, 409, 422, 429],
});

export const sandboxQueryFaultSchema = z.enum(['none', 'error', 'bad_signature', 'stale_timestamp', 'wrong_amount']);
export const sandboxCloseFaultSchema = z.enum(['none', 'error']);
export const sandboxRefundFaultSchema = z.enum(['none', 'processing', 'abnormal', 'closed']);

export const sandboxFaultsBodySchema = z
  .object({
    /** How the sandbox answers status queries of this order: an error (500), a forged or stale signature, another amount. */
    query: sandboxQueryFaultSchema.optional(),
    /** `error`: closing the order answers 500. */
    close: sandboxCloseFaultSchema.optional(),
    /** Refunds of this order stay PROCESSING, end ABNORMAL or CLOSED instead of succeeding. */
    refund: sandboxRefundFaultSchema.optional(),
    /** Which attempt's order; by default the payment's latest. */
    providerTradeNo: providerTradeNoSchema.optional(),
  })
  .refine((body) => body.query ?? body.close ?? body.refund, 'name at least one of query, close, refund');

export const sandboxFaultsSchema = z.object({
  providerTradeNo: z.string(),
  query: sandboxQueryFaultSchema,
  close: sandboxCloseFaultSchema,
  refund: sandboxRefundFaultSchema,
});

export const setSandboxFaultsOperation = defineOperation({
  id: 'setSandboxFaults',
  method: 'POST',
  path: '/api/sandbox/payments/{id}/faults',
  summary: "Make the sandbox provider misbehave for one of the payment's orders: query errors, forged answers, refund outcomes",
  tag: 'sandbox',
  auth: { staff: 'admin', merchant: 'developer' },
  params: idParamsSchema,
  body: sandboxFaultsBodySchema,
  status: 200,
  response: sandboxFaultsSchema,
  errors: [400, 401, 404, 422, 429],
});

export const sandboxCreateFaultSchema = z.enum(['none', 'error', 'refuse', 'bad_signature']);

export const sandboxProviderFaultsSchema = z.object({
  /** How the sandbox answers every new order: normally, with a 500, a refusal, or a forged signature. */
  create: sandboxCreateFaultSchema,
});

export const setSandboxProviderFaultsOperation = defineOperation({
  id: 'setSandboxProviderFaults',
  method: 'POST',
  path: '/api/sandbox/faults',
  summary: 'Make the sandbox provider as a whole misbehave: every new order fails as chosen',
  tag: 'sandbox',
  auth: { staff: 'admin' },
  body: sandboxProviderFaultsSchema,
  status: 200,
  response: sandboxProviderFaultsSchema,
  errors: [400, 401, 403, 422, 429],
});
