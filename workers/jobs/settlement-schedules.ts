import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import { jobs } from '@/lib/queue/jobs';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';
import { runLifecycleTask } from '@/server/lifecycle/run-lifecycle-task';

type Register = { boss: PgBoss; db: Db; settings: LifecycleSettings; settleCron: string; reconcileCron: string };

/**
 * The settle pass on SETTLE_CRON and the reconciliation of yesterday's bills on RECONCILE_CRON (in China time, the
 * providers' bill day); pg-boss fires each once across all workers. A run that throws fails its job and is logged;
 * the reconcile job is retried (also when a bill was not served yet), the settle pass's work is simply the next run's.
 */
export async function registerSettlementSchedules({ boss, db, settings, settleCron, reconcileCron }: Register) {
  await boss.schedule(jobs.settle.name, settleCron);
  await boss.schedule(jobs.reconcile.name, reconcileCron, {}, { tz: 'Asia/Shanghai' });
  for (const { job, task } of [
    { job: jobs.settle, task: 'settle' as const },
    { job: jobs.reconcile, task: 'reconcile' as const },
  ]) {
    await boss.work(job.name, { batchSize: 1 }, async () => {
      const run = await runLifecycleTask({ db, boss, settings, task });
      if (run.examined > 0) logger.info({ task, examined: run.examined, outcomes: run.outcomes }, 'lifecycle pass');
      // A bill not served yet (or a provider away): failing the job has pg-boss run it again later.
      if (run.outcomes.bill_unavailable) throw new Error(`a provider bill of the day was unavailable: ${JSON.stringify(run.outcomes)}`);
      return { examined: run.examined, outcomes: run.outcomes };
    });
  }
}
