import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema, reasonSchema } from '@/contracts/common';

export const notifyUrlSchema = z.url({ protocol: /^https?$/, message: 'notifyUrl must be an http(s) URL' }).max(2048);

export const merchantSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  notifyUrl: z.string(),
  status: z.enum(['active', 'blocked']),
  apiKeyPrefix: z.string(),
  endpointDisabledAt: z.string().nullable().describe('Set when deliveries stopped: 410 Gone, or failing too long'),
  endpointDisabledReason: z.string().nullable(),
  feeRatePpm: z.number().int().describe('Fee in parts per million of each payment (6000 = 0.6%)'),
  createdAt: z.string(),
});

/** Parts per million: 0 (no fee) to 1,000,000 (the whole amount). */
export const feeRatePpmSchema = z
  .number()
  .int('feeRatePpm must be a whole number of parts per million')
  .min(0, 'feeRatePpm must be at least 0')
  .max(1_000_000, 'feeRatePpm must be at most 1000000');

export const createMerchantBodySchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(200),
  notifyUrl: notifyUrlSchema,
  /** Without it, DEFAULT_FEE_RATE_PPM. */
  feeRatePpm: feeRatePpmSchema.optional(),
});

export const createdMerchantSchema = merchantSchema.extend({
  webhookSecret: z.string().describe('Shown once: the Standard Webhooks signing secret (whsec_…)'),
  apiKey: z.string().describe('Shown once: the merchant API key'),
});

export const createMerchantOperation = defineOperation({
  id: 'createMerchant',
  method: 'POST',
  path: '/api/merchants',
  summary: 'Create a merchant; its webhook secret and API key are shown once',
  tag: 'merchants',
  auth: { staff: 'admin' },
  body: createMerchantBodySchema,
  status: 201,
  response: createdMerchantSchema,
  errors: [400, 401, 403, 422, 429],
});

export const getMerchantOperation = defineOperation({
  id: 'getMerchant',
  method: 'GET',
  path: '/api/merchants/{id}',
  summary: 'One merchant (a merchant key sees only its own)',
  tag: 'merchants',
  auth: { staff: 'read', merchant: 'read' },
  params: idParamsSchema,
  status: 200,
  response: merchantSchema,
  errors: [401, 403, 404, 429],
});

export const blockMerchantOperation = defineOperation({
  id: 'blockMerchant',
  method: 'POST',
  path: '/api/merchants/{id}/block',
  summary: 'Block a merchant: its new payments are refused with 403 merchant_blocked',
  tag: 'merchants',
  auth: { staff: 'decide' },
  params: idParamsSchema,
  body: reasonSchema,
  status: 200,
  response: merchantSchema,
  errors: [400, 401, 403, 404, 409, 422, 429],
});

export const unblockMerchantOperation = defineOperation({
  id: 'unblockMerchant',
  method: 'POST',
  path: '/api/merchants/{id}/unblock',
  summary: 'Unblock a merchant',
  tag: 'merchants',
  auth: { staff: 'decide' },
  params: idParamsSchema,
  body: reasonSchema,
  status: 200,
  response: merchantSchema,
  errors: [400, 401, 403, 404, 409, 422, 429],
});

export const updateMerchantBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    notifyUrl: notifyUrlSchema.optional(),
    /** Staff only; applies to attempts made from now on (each attempt keeps the rate it was made with). */
    feeRatePpm: feeRatePpmSchema.optional(),
  })
  .refine(
    (body) => body.name !== undefined || body.notifyUrl !== undefined || body.feeRatePpm !== undefined,
    'give name, notifyUrl or feeRatePpm',
  );

export const updateMerchantOperation = defineOperation({
  id: 'updateMerchant',
  method: 'PATCH',
  path: '/api/merchants/{id}',
  summary: 'Change name or notifyUrl (checked against private addresses); a new notifyUrl re-enables a disabled endpoint',
  tag: 'merchants',
  auth: { staff: 'admin', merchant: 'developer' },
  params: idParamsSchema,
  body: updateMerchantBodySchema,
  status: 200,
  response: merchantSchema,
  errors: [400, 401, 403, 404, 422, 429],
});

export const rotateSecretBodySchema = z.object({
  overlapSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .optional(),
});

export const rotateSecretOperation = defineOperation({
  id: 'rotateWebhookSecret',
  method: 'POST',
  path: '/api/merchants/{id}/secret/rotate',
  summary: 'New webhook signing secret (shown once); the old one keeps signing too until the overlap ends',
  tag: 'merchants',
  auth: { staff: 'admin', merchant: 'developer' },
  params: idParamsSchema,
  body: rotateSecretBodySchema,
  status: 200,
  response: z.object({ webhookSecret: z.string(), previousSecretsExpireAt: z.string() }),
  errors: [400, 401, 404, 422, 429],
});
