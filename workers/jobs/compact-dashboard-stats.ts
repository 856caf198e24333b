import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import { jobs } from '@/lib/queue/jobs';
import { compactDashboardStats } from '@/server/stats/compact-dashboard-stats';

/** Every minute, one worker (pg-boss's schedule fires once across processes) folds the dashboard's aggregates. */
export async function registerCompactDashboardStats({ boss, db }: { boss: PgBoss; db: Db }) {
  await boss.schedule(jobs.compactDashboardStats.name, '* * * * *');
  await boss.work(jobs.compactDashboardStats.name, { batchSize: 1 }, async () => {
    const outcome = await compactDashboardStats({ db });
    logger.debug({ outcome }, 'dashboard aggregates compacted');
    return outcome;
  });
}
