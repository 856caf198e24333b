import type { JobResult, PgBoss } from 'pg-boss';
import { logger } from '@/lib/logger';
import { pollingOptions } from '@/lib/queue/work-options';
import { paymentSucceededEventSchema, type PaymentSucceededEvent } from '@/server/events/payment-succeeded-event-schema';

type WorkPaymentSubscriber = {
  boss: PgBoss;
  queue: string;
  /** Jobs fetched per round trip and fetch loops per process: batches are how a subscriber keeps up with ingest. */
  batchSize: number;
  loops: number;
  handle: (event: PaymentSucceededEvent) => Promise<object>;
};

/**
 * A subscriber of the `payment.succeeded` topic: batches fetched at once, each job parsed and handled on its own
 * (its own transaction, its own result), so one bad event is retried alone while the rest of the batch completes.
 */
export async function workPaymentSubscriber({ boss, queue, batchSize, loops, handle }: WorkPaymentSubscriber) {
  await boss.work(
    queue,
    { ...pollingOptions, batchSize, localConcurrency: loops, burstWhenBatchFull: true, perJobResults: true },
    async (jobs): Promise<JobResult[]> =>
      Promise.all(
        jobs.map(async (job): Promise<JobResult> => {
          try {
            const output = await handle(paymentSucceededEventSchema.parse(job.data));
            return { id: job.id, status: 'completed', output };
          } catch (error) {
            logger.error({ err: error, jobId: job.id, queue }, 'subscriber failed on an event');
            return { id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } };
          }
        }),
      ),
  );
}
