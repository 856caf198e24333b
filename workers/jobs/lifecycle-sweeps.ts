import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import { jobs } from '@/lib/queue/jobs';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';
import { runLifecycleTask } from '@/server/lifecycle/run-lifecycle-task';

type Register = { boss: PgBoss; db: Db; settings: LifecycleSettings; cron: string };

/**
 * The lifecycle sweeps on their schedule (pg-boss fires each once across all workers): confirm-pending, close-expired,
 * find-duplicates and confirm-refunds, each catching the attempts or refunds whose own job went missing. Several
 * workers sweeping at once take disjoint attempts and refunds.
 */
export async function registerLifecycleSweeps({ boss, db, settings, cron }: Register) {
  const sweeps = [
    { job: jobs.confirmPending, task: 'confirm-pending' as const },
    { job: jobs.closeExpired, task: 'close-expired' as const },
    { job: jobs.findDuplicates, task: 'find-duplicates' as const },
    { job: jobs.confirmRefunds, task: 'confirm-refunds' as const },
  ];
  for (const { job, task } of sweeps) {
    await boss.schedule(job.name, cron);
    await boss.work(job.name, { batchSize: 1 }, async () => {
      const run = await runLifecycleTask({ db, boss, settings, task });
      if (run.examined > 0) logger.info({ task, examined: run.examined, outcomes: run.outcomes }, 'lifecycle sweep');
      return { examined: run.examined, outcomes: run.outcomes };
    });
  }
}
