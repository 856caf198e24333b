import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { jobs } from '@/lib/queue/jobs';
import { pollingOptions } from '@/lib/queue/work-options';
import { handleExtraPayment } from '@/server/lifecycle/handle-extra-payment';
import { lifecycleSettingsFrom, type LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';

type Register = { boss: PgBoss; db: Db; settings?: LifecycleSettings };

/** Duplicate and late payments, queued by the transaction that found them; duplicates are refunded here. */
export async function registerExtraPayment({ boss, db, settings = lifecycleSettingsFrom(getEnv()) }: Register) {
  await boss.work(jobs.extraPayment.name, { ...pollingOptions, batchSize: 1, localConcurrency: 2 }, async ([job]) =>
    handleExtraPayment({ db, boss, settings, job: jobs.extraPayment.schema.parse(job.data) }),
  );
}
