import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema } from '@/contracts/common';

export const sandboxPayBodySchema = z.object({
  fault: z.enum(['none', 'lost', 'duplicate', 'late']).default('none'),
  /** How many copies a `duplicate` fault sends at once. */
  copies: z.number().int().min(2).max(20).default(3),
  /** How long a `late` fault holds the callback back. */
  delaySeconds: z.number().int().min(1).max(3600).default(30),
  payer: z.string().max(128).optional(),
  device: z.string().max(64).optional(),
});

export const sandboxPaySchema = z.object({
  paymentId: z.uuid(),
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
  auth: 'admin-or-merchant',
  params: idParamsSchema,
  body: sandboxPayBodySchema,
  status: 202,
  response: sandboxPaySchema,
  errors: [400, 401, 404, 409, 422],
});
