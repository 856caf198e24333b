import type { Db } from '@/lib/db/prisma';

type PruneRiskAggregates = {
  db: Db;
  /** Minute buckets older than this are no window's any more (the longest window a rule may have is 4 hours). */
  bucketRetentionHours: number;
  /** Processed marks must outlive every copy of their event, including one redriven from a dead-letter queue. */
  processedEventRetentionDays: number;
  /** Rows deleted per statement, so no delete holds its locks or its WAL for long. */
  chunk?: number;
};

export type PruneOutcome = { buckets: number; partyBuckets: number; processedEvents: number };

/**
 * Deletes what the risk engine and the subscribers no longer need: minute buckets past every window, and
 * processed-event marks past every redelivery. Run on a schedule by the worker; the profiles stay, they are the
 * merchants' whole history in three numbers.
 */
export async function pruneRiskAggregates({
  db,
  bucketRetentionHours,
  processedEventRetentionDays,
  chunk = 10_000,
}: PruneRiskAggregates): Promise<PruneOutcome> {
  const bucketsBefore = new Date(Date.now() - bucketRetentionHours * 3_600_000);
  const marksBefore = new Date(Date.now() - processedEventRetentionDays * 86_400_000);
  const drain = async (deleteChunk: () => Promise<number>) => {
    let total = 0;
    for (let deleted = chunk; deleted === chunk; total += deleted) deleted = await deleteChunk();
    return total;
  };
  return {
    buckets: await drain(
      () => db.$executeRaw`
      DELETE FROM merchant_risk_bucket WHERE ctid = ANY(ARRAY(SELECT ctid FROM merchant_risk_bucket WHERE bucket_start < ${bucketsBefore} LIMIT ${chunk}))`,
    ),
    partyBuckets: await drain(
      () => db.$executeRaw`
      DELETE FROM merchant_risk_party_bucket WHERE ctid = ANY(ARRAY(SELECT ctid FROM merchant_risk_party_bucket WHERE bucket_start < ${bucketsBefore} LIMIT ${chunk}))`,
    ),
    processedEvents: await drain(
      () => db.$executeRaw`
      DELETE FROM processed_event WHERE ctid = ANY(ARRAY(SELECT ctid FROM processed_event WHERE processed_at < ${marksBefore} LIMIT ${chunk}))`,
    ),
  };
}
