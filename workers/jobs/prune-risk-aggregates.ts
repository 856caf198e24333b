import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import { queues } from '@/lib/queue/queues';
import { pruneRiskAggregates } from '@/server/risk/prune-risk-aggregates';

type Retention = { bucketRetentionHours: number; processedEventRetentionDays: number };

/** Every 10 minutes, one worker (pg-boss's schedule fires once across processes) prunes the risk aggregates. */
export async function registerPruneRiskAggregates({ boss, db, retention }: { boss: PgBoss; db: Db; retention: Retention }) {
  await boss.schedule(queues.pruneRiskAggregates, '*/10 * * * *');
  await boss.work(queues.pruneRiskAggregates, { batchSize: 1 }, async () => {
    const pruned = await pruneRiskAggregates({ db, ...retention });
    logger.info({ pruned }, 'risk aggregates pruned');
    return pruned;
  });
}
