import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';
import { pollingOptions } from '@/lib/queue/work-options';
import { checkAttempt } from '@/server/lifecycle/check-attempt';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';

type Register = { boss: PgBoss; db: Db; settings: LifecycleSettings; concurrency?: number };

/** Each attempt's own looks: queries at its schedule, the close at its expiry, and the looks the shopper's app asks for. */
export async function registerCheckAttempt({ boss, db, settings, concurrency = 8 }: Register) {
  await boss.work(jobs.checkAttempt.name, { ...pollingOptions, batchSize: 1, localConcurrency: concurrency }, async ([job]) => {
    const { attemptId, force } = jobs.checkAttempt.schema.parse(job.data);
    return { outcome: await checkAttempt({ db, boss, attemptId, force, settings }) };
  });
}
