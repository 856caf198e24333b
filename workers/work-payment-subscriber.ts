import type { Job, JobResult, PgBoss } from 'pg-boss';
import { logger } from '@/lib/logger';
import { pollingOptions } from '@/lib/queue/work-options';
import type { PaymentSucceededEvent } from '@/contracts/events';
import type { eventTopics } from '@/lib/queue/jobs';

type WorkPaymentSubscriber = {
  boss: PgBoss;
  /** One of the queues the `payment.succeeded` topic feeds. */
  subscriber: (typeof eventTopics.paymentSucceeded.subscribers)[number];
  /** Fetch loops per process, and jobs fetched per round trip (a batch costs a few statements whatever its size). */
  loops: number;
  batchSize: number;
  /** Seconds between fetches of an idle loop; only where the queue's NOTIFY does not wake it first. */
  pollingIntervalSeconds?: number;
  /** One outcome per event, in order; a throw fails the batch, whose events are then retried one by one. */
  handleBatch: (events: PaymentSucceededEvent[]) => Promise<object[]>;
};

/**
 * A subscriber of the `payment.succeeded` topic: a fetched batch is handled at once (one transaction for the lot,
 * where the subscriber can), so under load batches grow and the cost per event falls; each job completes with its
 * own event's outcome. When the batch fails, each event is handled again on its own, so one bad event is retried
 * alone while the rest complete.
 */
export async function workPaymentSubscriber({
  boss,
  subscriber,
  loops,
  batchSize,
  pollingIntervalSeconds,
  handleBatch,
}: WorkPaymentSubscriber) {
  const queue = subscriber.name;
  await boss.work(
    queue,
    {
      ...pollingOptions,
      ...(pollingIntervalSeconds ? { pollingIntervalSeconds } : {}),
      batchSize,
      localConcurrency: loops,
      burstWhenBatchFull: true,
      perJobResults: true,
    },
    async (jobs): Promise<JobResult[]> => {
      const parsed = jobs.map((job) => ({ job, event: subscriber.schema.safeParse(job.data) }));
      const valid = parsed.flatMap(({ job, event }) => (event.success ? [{ job, event: event.data }] : []));
      const invalid = parsed.flatMap(({ job, event }): JobResult[] =>
        // No retry can mend a payload that is not an event: straight to the dead-letter queue, for a person.
        event.success
          ? []
          : [{ ...failed(queue, job, new Error(`not a payment.succeeded event: ${event.error.message}`)), status: 'deadletter' }],
      );
      if (valid.length === 0) return invalid;
      try {
        const outcomes = await handleBatch(valid.map(({ event }) => event));
        return [...invalid, ...valid.map(({ job }, i): JobResult => ({ id: job.id, status: 'completed', output: outcomes[i] }))];
      } catch (error) {
        if (valid.length === 1) return [...invalid, failed(queue, valid[0].job, error)];
        logger.warn({ err: error, queue, jobs: valid.length }, 'subscriber batch failed; handling its events one by one');
        const alone = await Promise.all(
          valid.map(async ({ job, event }): Promise<JobResult> => {
            try {
              const [output] = await handleBatch([event]);
              return { id: job.id, status: 'completed', output };
            } catch (single) {
              return failed(queue, job, single);
            }
          }),
        );
        return [...invalid, ...alone];
      }
    },
  );
}

function failed(queue: string, job: Job<unknown>, error: unknown): JobResult {
  logger.error({ err: error, jobId: job.id, queue }, 'subscriber failed on an event');
  return { id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } };
}
