import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { businessDateSchema } from '@/contracts/settlements';

/** The scheduler passes that can be run by hand; each also runs by itself on its schedule. */
export const lifecycleTaskSchema = z.enum([
  'confirm-pending',
  'close-expired',
  'find-duplicates',
  'confirm-refunds',
  'settle',
  'reconcile',
]);

export type LifecycleTask = z.output<typeof lifecycleTaskSchema>;

export const runLifecycleTaskBodySchema = z
  .object({
    task: lifecycleTaskSchema,
    date: businessDateSchema
      .optional()
      .describe("reconcile only: the providers' bill day (China time) to reconcile; by default yesterday's"),
  })
  .refine((body) => body.date === undefined || body.task === 'reconcile', {
    message: 'date is taken by the reconcile task only',
    path: ['date'],
  });

export const lifecycleRunSchema = z.object({
  task: lifecycleTaskSchema,
  startedAt: z.string(),
  finishedAt: z.string(),
  /** How many items the pass took up, and how many ended each way. */
  examined: z.number().int(),
  outcomes: z.record(z.string(), z.number().int()),
  items: z.array(z.object({ id: z.uuid(), outcome: z.string() })),
});

export const runLifecycleTaskOperation = defineOperation({
  id: 'runLifecycleTask',
  method: 'POST',
  path: '/api/lifecycle/run',
  summary: 'Run one pass of a lifecycle scheduler now and say what it did',
  tag: 'lifecycle',
  auth: { staff: 'admin' },
  body: runLifecycleTaskBodySchema,
  status: 200,
  response: lifecycleRunSchema,
  errors: [400, 401, 403, 422, 429],
});
