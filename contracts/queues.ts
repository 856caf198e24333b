import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';

/** The subscribers' queues, whose dead letters (events that failed every retry) can be sent through again. */
export const redrivableQueues = ['risk', 'campaign', 'promotion', 'merchant-events'] as const;

export const redriveParamsSchema = z.object({ queue: z.enum(redrivableQueues) });

export const redriveBodySchema = z.object({
  preview: z.boolean().default(false).describe('Only count what would be sent through'),
  limit: z.number().int().min(1).max(10_000).default(1_000),
});

export const redriveOperation = defineOperation({
  id: 'redriveDeadLetters',
  method: 'POST',
  path: '/api/queues/{queue}/redrive',
  summary:
    "Sends a subscriber queue's dead letters through the queue again (subscribers are idempotent on the event id); with preview, only counts them",
  tag: 'queues',
  auth: { staff: 'admin' },
  params: redriveParamsSchema,
  body: redriveBodySchema,
  status: 200,
  response: z.object({
    queue: z.string(),
    deadLetterQueue: z.string(),
    preview: z.boolean(),
    waiting: z.number().int().describe('Dead letters waiting before this call (at least, when it reaches the limit)'),
    redriven: z.number().int(),
  }),
  errors: [401, 403, 404, 422, 429],
});
