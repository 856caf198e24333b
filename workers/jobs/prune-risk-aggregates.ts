import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { jobs } from '@/lib/queue/jobs';
import { pruneAbuseCounters } from '@/server/intake/prune-abuse-counters';
import { pruneRiskAggregates } from '@/server/risk/prune-risk-aggregates';

type Retention = { bucketRetentionHours: number; processedEventRetentionDays: number };

/** Every 10 minutes, one worker (pg-boss's schedule fires once across processes) prunes the risk aggregates. */
export async function registerPruneRiskAggregates({ boss, db, retention }: { boss: PgBoss; db: Db; retention: Retention }) {
  await boss.schedule(jobs.pruneRiskAggregates.name, '*/10 * * * *');
  await boss.work(jobs.pruneRiskAggregates.name, { batchSize: 1 }, async () => {
    const pruned = await pruneRiskAggregates({ db, ...retention });
    // The same schedule bounds the abuse counters: old rejected-callback counts and ended rate-limit windows.
    const abuse = await pruneAbuseCounters({ db, retentionDays: getEnv().REJECTED_CALLBACK_RETENTION_DAYS });
    logger.info({ pruned, abuse }, 'risk aggregates and abuse counters pruned');
    return { ...pruned, abuse };
  });
}
