import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema, instantSchema } from '@/contracts/common';

const deliveryStatus = z.enum(['pending', 'delivered', 'failed', 'cancelled']);

export const deliverySchema = z.object({
  id: z.uuid().describe('Also the webhook-id header of every attempt'),
  merchantId: z.uuid(),
  paymentId: z.uuid(),
  eventType: z.string(),
  status: deliveryStatus,
  attemptCount: z.number().int(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});

export const attemptSchema = z.object({
  attemptNumber: z.number().int(),
  url: z.string(),
  startedAt: z.string(),
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  responseExcerpt: z.string().nullable(),
  error: z.string().nullable(),
});

export const deliveryListItemSchema = deliverySchema.extend({
  merchantName: z.string(),
  lastStatusCode: z.number().int().nullable().describe("The latest attempt's HTTP status; null before the first or when no answer came"),
  lastDurationMs: z.number().int().nullable().describe('How long the latest attempt took; null before the first'),
});

export const listDeliveriesQuerySchema = z.object({
  merchantId: z.uuid().optional(),
  paymentId: z.uuid().optional(),
  status: deliveryStatus.optional(),
  since: instantSchema.optional(),
  until: instantSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const listDeliveriesOperation = defineOperation({
  id: 'listDeliveries',
  method: 'GET',
  path: '/api/deliveries',
  summary: 'Deliveries, newest first; filter by merchant, payment, status and time; keyset pagination by cursor',
  tag: 'deliveries',
  auth: { staff: 'read', merchant: 'read' },
  query: listDeliveriesQuerySchema,
  status: 200,
  response: z.object({ items: z.array(deliveryListItemSchema), nextCursor: z.string().nullable() }),
  errors: [401, 403, 422, 429],
});

export const getDeliveryOperation = defineOperation({
  id: 'getDelivery',
  method: 'GET',
  path: '/api/deliveries/{id}',
  summary: 'One delivery with its payload and every attempt',
  tag: 'deliveries',
  auth: { staff: 'read', merchant: 'read' },
  params: idParamsSchema,
  status: 200,
  response: deliverySchema.extend({ payload: z.unknown(), attempts: z.array(attemptSchema) }),
  errors: [401, 404, 429],
});

export const redeliverOperation = defineOperation({
  id: 'redeliver',
  method: 'POST',
  path: '/api/deliveries/{id}/redeliver',
  summary: 'Send a delivery again now, with a fresh retry schedule (409 while it is still pending)',
  tag: 'deliveries',
  auth: { staff: 'decide', merchant: 'developer' },
  params: idParamsSchema,
  status: 202,
  response: deliverySchema,
  errors: [401, 404, 409, 429],
});

export const bulkRedeliverBodySchema = z.object({
  merchantId: z.uuid().optional(),
  status: z.enum(['failed', 'delivered']).default('failed'),
  since: instantSchema.optional(),
  until: instantSchema.optional(),
});

export const bulkRedeliverOperation = defineOperation({
  id: 'redeliverBulk',
  method: 'POST',
  path: '/api/deliveries/redeliver',
  summary: 'Redeliver every delivery that matches (by default the dead-letter set: status failed), at most 10,000 a call',
  tag: 'deliveries',
  auth: { staff: 'decide', merchant: 'developer' },
  body: bulkRedeliverBodySchema,
  status: 202,
  response: z.object({ redelivered: z.number().int() }),
  errors: [400, 401, 403, 422, 429],
});
