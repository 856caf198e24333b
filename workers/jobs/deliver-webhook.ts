import type { JobResult, PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import { jobs } from '@/lib/queue/jobs';
import { pollingOptions } from '@/lib/queue/work-options';
import { DeliveryBusyError, deliverWebhook, type DeliverySettings } from '@/server/deliveries/deliver-webhook';

type Register = { boss: PgBoss; db: Db; settings: DeliverySettings; merchantConcurrency: number; concurrency: number };

export async function registerDeliverWebhook({ boss, db, settings, merchantConcurrency, concurrency }: Register) {
  // Batches of up to 16 per fetch loop: the deliveries of a batch share their claim and record statements, and a
  // loop fetches again only when its whole batch is done, so more than one loop keeps the merchants busy.
  const loops = Math.max(1, Math.ceil(concurrency / 16));
  const batchSize = Math.ceil(concurrency / loops);
  await boss.work(
    jobs.deliverWebhook.name,
    {
      ...pollingOptions,
      batchSize,
      localConcurrency: loops,
      burstWhenBatchFull: true,
      perJobResults: true,
      // One slow or dead merchant holds at most this many deliveries in flight, across all workers.
      groupConcurrency: merchantConcurrency,
    },
    async (batch): Promise<JobResult[]> =>
      Promise.all(
        batch.map(async (job): Promise<JobResult> => {
          try {
            const payload = jobs.deliverWebhook.schema.parse(job.data);
            const outcome = await deliverWebhook({ db, boss, ...payload, settings });
            return { id: job.id, status: 'completed', output: { outcome } };
          } catch (error) {
            if (!(error instanceof DeliveryBusyError)) logger.error({ err: error, jobId: job.id }, 'delivery attempt failed');
            return { id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } };
          }
        }),
      ),
  );
}
