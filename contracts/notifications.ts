// The provider inbox: what a provider (or its answer to our status query) actually said, kept as evidence whether it
// was applied, a duplicate, recorded or rejected. Listed newest first; one at a time with its raw body and headers.
import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema } from '@/contracts/common';
import { providerSchema } from '@/contracts/payments';
import { cursorParam, isoInstantParam, limitParam } from '@/contracts/list-params';

export const notificationKindSchema = z.enum(['payment', 'refund', 'unknown']);
export const notificationOutcomeSchema = z.enum(['applied', 'duplicate', 'recorded', 'rejected']);

export const providerNotificationSchema = z.object({
  id: z.uuid(),
  provider: providerSchema,
  kind: notificationKindSchema,
  outcome: notificationOutcomeSchema,
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

/** A list row: the verdict without the raw body and headers, which GET /api/notifications/{id} gives. */
export const notificationListItemSchema = providerNotificationSchema.omit({ rawBody: true, headers: true });

export const listNotificationsQuerySchema = z
  .object({
    provider: providerSchema.optional(),
    kind: notificationKindSchema.optional(),
    outcome: notificationOutcomeSchema.optional().describe('rejected: the callbacks that failed verification (a sample of them is kept)'),
    since: isoInstantParam.optional().describe('Received at or after'),
    until: isoInstantParam.optional().describe('Received before'),
    limit: limitParam,
    cursor: cursorParam,
  })
  .refine((q) => q.since === undefined || q.until === undefined || new Date(q.since) < new Date(q.until), {
    message: 'since must be before until',
    path: ['since'],
  });

export const notificationListSchema = z.object({ items: z.array(notificationListItemSchema), nextCursor: z.string().nullable() });

export const listNotificationsOperation = defineOperation({
  id: 'listNotifications',
  method: 'GET',
  path: '/api/notifications',
  summary:
    'The provider notification inbox, newest first, rejected ones included: filter by provider, kind, outcome and time; keyset pagination by cursor; staff only',
  tag: 'notifications',
  auth: { staff: 'read' },
  query: listNotificationsQuerySchema,
  status: 200,
  response: notificationListSchema,
  errors: [401, 403, 422, 429],
});
