import type { Db } from '@/lib/db/prisma';
import { windowStart } from '@/server/stats/time-buckets';

/**
 * The endpoint's recent record from merchant_delivery_hour: attempts and failures of the last 24 hours, and the
 * latest success and failure (the newest hour that has one holds it: nine rows are every shard of that hour).
 */
export async function readEndpointHealth({ db, merchantId, now }: { db: Db; merchantId: string; now: Date }) {
  const since = windowStart(now, 3600, 24);
  const [[recent], [success], [failure]] = await Promise.all([
    db.$queryRaw<{ attempts: bigint | null; failed: bigint | null }[]>`
      SELECT sum(attempts) AS attempts, sum(failed) AS failed FROM merchant_delivery_hour
      WHERE merchant_id = ${merchantId}::uuid AND bucket_start >= ${since}`,
    db.$queryRaw<{ at: Date | null }[]>`
      SELECT max(last_success_at) AS at FROM (
        SELECT last_success_at FROM merchant_delivery_hour WHERE merchant_id = ${merchantId}::uuid AND last_success_at IS NOT NULL
        ORDER BY bucket_start DESC LIMIT 9) latest`,
    db.$queryRaw<{ at: Date | null }[]>`
      SELECT max(last_failure_at) AS at FROM (
        SELECT last_failure_at FROM merchant_delivery_hour WHERE merchant_id = ${merchantId}::uuid AND last_failure_at IS NOT NULL
        ORDER BY bucket_start DESC LIMIT 9) latest`,
  ]);
  const attempts24h = Number(recent.attempts ?? 0);
  const failedAttempts24h = Number(recent.failed ?? 0);
  return {
    lastSuccessAt: success.at?.toISOString() ?? null,
    lastFailureAt: failure.at?.toISOString() ?? null,
    attempts24h,
    failedAttempts24h,
    failureRate24h: attempts24h === 0 ? null : failedAttempts24h / attempts24h,
  };
}
