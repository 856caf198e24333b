import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { listDeliveriesQuerySchema } from '@/contracts/deliveries';

/** The most a count reports exactly: one bulk redelivery takes at most this many (POST /api/deliveries/redeliver). */
export const bulkRedeliverLimit = 10_000;

export const countDeliveriesQuerySchema = listDeliveriesQuerySchema.omit({ limit: true, cursor: true });

export const countDeliveriesOperation = defineOperation({
  id: 'countDeliveries',
  method: 'GET',
  path: '/api/deliveries/count',
  summary:
    'How many deliveries match the list filter (e.g. what "redeliver all matching" would send), exact up to 10,000; ' +
    'a merchant key counts only its own',
  tag: 'deliveries',
  auth: { staff: 'read', merchant: 'read' },
  query: countDeliveriesQuerySchema,
  status: 200,
  response: z.object({
    count: z.number().int().min(0).describe('Matching deliveries, at most the cap'),
    capped: z.boolean().describe('More match than the cap; one bulk redelivery sends the oldest cap of them; call it again for the rest'),
    cap: z.number().int(),
  }),
  errors: [401, 403, 404, 422, 429],
});
