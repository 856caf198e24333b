import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema } from '@/contracts/common';
import { volumeSchema } from '@/contracts/list-params';
import { merchantDeliveryHealthSchema } from '@/contracts/merchant-list';

const count = z.number().int().min(0);

export const merchantSummaryQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(31).default(7).describe('How many days of hourly volume to chart'),
});

export const merchantSummarySchema = z.object({
  merchantId: z.uuid(),
  status: z.enum(['active', 'blocked']),
  timeZone: z.string(),
  endpoint: z.object({
    notifyUrl: z.string(),
    disabledAt: z.string().nullable(),
    disabledReason: z.string().nullable(),
    failingSince: z.string().nullable().describe('Start of the current run of failed deliveries; null when the last one succeeded'),
    lastSuccessAt: z.string().nullable().describe('The latest attempt answered 2xx (to the hour it is kept in, then exact)'),
    lastFailureAt: z.string().nullable(),
    attempts24h: count.describe('Attempts in the last 24 whole hours up to now'),
    failedAttempts24h: count,
    failureRate24h: z.number().min(0).max(1).nullable(),
  }),
  deliveries: merchantDeliveryHealthSchema,
  today: z.object({
    date: z.string().describe('The business day, YYYY-MM-DD'),
    since: z.string().describe('Its start, to the whole hour (exact in every zone with a whole-hour offset)'),
    paid: count,
    volume: z.array(volumeSchema),
  }),
  last7Days: z.object({ since: z.string(), paid: count, volume: z.array(volumeSchema) }),
  series: z.object({
    bucketSeconds: z.literal(3600),
    from: z.string(),
    to: z.string(),
    points: z
      .array(z.object({ at: z.string(), paid: count, volume: z.array(volumeSchema) }))
      .describe('One point per hour, oldest first, hours without payments included'),
  }),
  openAlerts: count
    .nullable()
    .describe('Alerts open or acknowledged; null for callers bound to the merchant (risk internals are staff-only)'),
});

export const getMerchantSummaryOperation = defineOperation({
  id: 'getMerchantSummary',
  method: 'GET',
  path: '/api/merchants/{id}/summary',
  summary: "A merchant's figures: endpoint health, delivery health, today's and 7 days' volume with an hourly chart",
  tag: 'merchants',
  auth: { staff: 'read', merchant: 'read' },
  params: idParamsSchema,
  query: merchantSummaryQuerySchema,
  status: 200,
  response: merchantSummarySchema,
  errors: [401, 404, 422, 429],
});
