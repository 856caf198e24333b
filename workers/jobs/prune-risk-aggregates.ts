import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import { jobs } from '@/lib/queue/jobs';
import { pruneRiskAggregates } from '@/server/risk/prune-risk-aggregates';

type Retention = { bucketRetentionHours: number; processedEventRetentionDays: number };

/** Every 10 minutes, one worker (pg-boss's schedule fires once across processes) prunes the risk aggregates. */
export async function registerPruneRiskAggregates({ boss, db, retention }: { boss: PgBoss; db: Db; retention: Retention }) {
  await boss.schedule(jobs.pruneRiskAggregates.name, '*/10 * * * *');
  await boss.work(jobs.pruneRiskAggregates.name, { batchSize: 1 }, async () => {
    const pruned = await pruneRiskAggregates({ db, ...retention });
    logger.info({ pruned }, 'risk aggregates pruned');
    return pruned;
  });
}
