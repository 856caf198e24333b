// The provider inbox, one notification at a time: what a provider (or its answer to our status query) actually said,
// kept as evidence whether it was applied, a duplicate, recorded or rejected.
import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema } from '@/contracts/common';
import { providerSchema } from '@/contracts/payments';

export const providerNotificationSchema = z.object({
  id: z.uuid(),
  provider: providerSchema,
  kind: z.enum(['payment', 'refund', 'unknown']),
  outcome: z.enum(['applied', 'duplicate', 'recorded', 'rejected']),
  reason: z.string().nullable().describe('Why it was rejected or only recorded'),
  source: z.enum(['callback', 'query']),
  paymentId: z.uuid().nullable(),
  attemptId: z.uuid().nullable(),
  notificationId: z.string().nullable().describe("The provider's id of the notification, when it has one"),
  rawBody: z.string().describe('The body exactly as received (for a rejected callback, its first 2 KiB)'),
  headers: z.record(z.string(), z.unknown()).describe('The headers it came with'),
  receivedCount: z.number().int().describe('Copies received; duplicates are counted here'),
  receivedAt: z.string(),
  lastReceivedAt: z.string(),
});

export const getNotificationOperation = defineOperation({
  id: 'getNotification',
  method: 'GET',
  path: '/api/notifications/{id}',
  summary: 'One provider notification from the inbox with its raw body, headers and verdict (rejected ones too); staff only',
  tag: 'notifications',
  auth: { staff: 'read' },
  params: idParamsSchema,
  status: 200,
  response: providerNotificationSchema,
  errors: [401, 403, 404, 429],
});
