import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { merchantSchema } from '@/contracts/merchants';
import { cursorParam, limitParam, volumeSchema } from '@/contracts/list-params';

const count = z.number().int().min(0);

export const listMerchantsQuerySchema = z.object({
  status: z.enum(['active', 'blocked']).optional(),
  endpoint: z.enum(['disabled', 'failing']).optional().describe('disabled: deliveries stopped; failing: failing now, not yet disabled'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((text) => [...text].every((char) => char >= ' ' && char !== '\u007f'), 'q must not contain control characters')
    .optional()
    .describe("Part of the merchant's name (any case), or its exact id"),
  limit: limitParam,
  cursor: cursorParam,
});

/** Delivery health of one merchant: what waits now, and how first attempts went over the last 7 days. */
export const merchantDeliveryHealthSchema = z.object({
  pending: count,
  deadLetters: count,
  firstAttempts7d: count,
  firstAttemptSucceeded7d: count,
  firstAttemptSuccessRate7d: z.number().min(0).max(1).nullable(),
});

export const merchantListItemSchema = merchantSchema.extend({
  endpointFailingSince: z.string().nullable().describe('Start of the current run of failed deliveries'),
  volume7d: z.array(volumeSchema).describe('Paid in the last 7 days (168 whole hours up to now), per currency'),
  deliveries: merchantDeliveryHealthSchema,
  openAlerts: count.describe('Alerts open or acknowledged'),
});

export const listMerchantsOperation = defineOperation({
  id: 'listMerchants',
  method: 'GET',
  path: '/api/merchants',
  summary: 'Merchants, newest first, with status, 7-day volume, delivery health and open alerts; keyset pagination by cursor',
  tag: 'merchants',
  auth: { staff: 'read' },
  query: listMerchantsQuerySchema,
  status: 200,
  response: z.object({ items: z.array(merchantListItemSchema), nextCursor: z.string().nullable() }),
  errors: [401, 403, 422, 429],
});
