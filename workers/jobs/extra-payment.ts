import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';
import { pollingOptions } from '@/lib/queue/work-options';
import { handleExtraPayment } from '@/server/lifecycle/handle-extra-payment';

/** Duplicate and late payments, queued by the transaction that found them. */
export async function registerExtraPayment({ boss, db }: { boss: PgBoss; db: Db }) {
  await boss.work(jobs.extraPayment.name, { ...pollingOptions, batchSize: 1, localConcurrency: 2 }, async ([job]) =>
    handleExtraPayment({ db, job: jobs.extraPayment.schema.parse(job.data) }),
  );
}
