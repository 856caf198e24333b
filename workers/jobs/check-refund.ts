import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';
import { pollingOptions } from '@/lib/queue/work-options';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';
import { checkRefund } from '@/server/refunds/check-refund';

type Register = { boss: PgBoss; db: Db; settings: LifecycleSettings; concurrency?: number };

/** Each open refund's own looks: submitted again while the provider has not taken it, else queried, on its schedule. */
export async function registerCheckRefund({ boss, db, settings, concurrency = 4 }: Register) {
  await boss.work(jobs.checkRefund.name, { ...pollingOptions, batchSize: 1, localConcurrency: concurrency }, async ([job]) => {
    const { refundId, force } = jobs.checkRefund.schema.parse(job.data);
    return { outcome: await checkRefund({ db, boss, refundId, force, settings }) };
  });
}
