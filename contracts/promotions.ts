import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema, minorUnitsSchema, instantSchema } from '@/contracts/common';

const isoTime = instantSchema;

export const promotionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  requiredPayments: z.number().int().describe('Qualifying payments a payer needs to earn the reward'),
  minAmount: z.number().int(),
  rewardAmount: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  payers: z.number().int().describe('Payers with at least one qualifying payment'),
  granted: z.number().int().describe('Payers who earned the reward'),
  createdAt: z.string(),
});

export const createPromotionBodySchema = z
  .strictObject({
    name: z.string().trim().min(1, 'name is required').max(200),
    requiredPayments: z.number().int().min(1).max(10_000),
    minAmount: minorUnitsSchema,
    rewardAmount: minorUnitsSchema,
    startsAt: isoTime,
    endsAt: isoTime,
  })
  .refine((body) => new Date(body.startsAt) < new Date(body.endsAt), { message: 'startsAt must be before endsAt', path: ['endsAt'] });

export const listPromotionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const payerProgressQuerySchema = z.object({ payer: z.string().min(1).max(128) });

export const createPromotionOperation = defineOperation({
  id: 'createPromotion',
  method: 'POST',
  path: '/api/promotions',
  summary: 'Create a promotion: a payer earns rewardAmount after requiredPayments payments ≥ minAmount within the window',
  tag: 'promotions',
  auth: { staff: 'admin' },
  body: createPromotionBodySchema,
  status: 201,
  response: promotionSchema,
  errors: [400, 401, 403, 422, 429],
});

export const listPromotionsOperation = defineOperation({
  id: 'listPromotions',
  method: 'GET',
  path: '/api/promotions',
  summary: 'Promotions, newest first; keyset pagination by cursor',
  tag: 'promotions',
  auth: { staff: 'read' },
  query: listPromotionsQuerySchema,
  status: 200,
  response: z.object({ items: z.array(promotionSchema), nextCursor: z.string().nullable() }),
  errors: [401, 403, 422, 429],
});

export const getPromotionOperation = defineOperation({
  id: 'getPromotion',
  method: 'GET',
  path: '/api/promotions/{id}',
  summary: 'One promotion with its counts; ?payer= adds that payer’s progress',
  tag: 'promotions',
  auth: { staff: 'read' },
  params: idParamsSchema,
  query: payerProgressQuerySchema.partial(),
  status: 200,
  response: promotionSchema.extend({
    progress: z
      .object({ payer: z.string(), count: z.number().int(), grantedAt: z.string().nullable(), grantedPaymentId: z.string().nullable() })
      .nullable()
      .optional(),
  }),
  errors: [401, 403, 404, 422, 429],
});
