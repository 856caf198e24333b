import type { Db } from '@/lib/db/prisma';
import { percentileFromHistogram } from '@/server/stats/percentile-from-histogram';

/** First attempts and deliveries in the window, p95 of event → merchant, and what waits now. */
export async function readDeliveryHealth({ db, since }: { db: Db; since: Date }) {
  const [[window], latencies, states] = await Promise.all([
    db.$queryRaw<{ firstAttempts: bigint | null; firstSucceeded: bigint | null; delivered: bigint | null }[]>`
      SELECT sum(first_attempts) AS "firstAttempts", sum(first_succeeded) AS "firstSucceeded", sum(succeeded) AS delivered
      FROM delivery_stat_minute WHERE bucket_start >= ${since}`,
    db.$queryRaw<{ le: number; count: bigint }[]>`
      SELECT le_ms AS le, sum(count) AS count FROM delivery_latency_minute WHERE bucket_start >= ${since} GROUP BY le_ms`,
    db.$queryRaw<{ status: string; count: bigint }[]>`
      SELECT status::text, sum(count) AS count FROM delivery_status_count WHERE status IN ('pending', 'failed') GROUP BY status`,
  ]);
  const firstAttempts = Number(window.firstAttempts ?? 0);
  const firstAttemptSucceeded = Number(window.firstSucceeded ?? 0);
  const now = (status: string) => Number(states.find((row) => row.status === status)?.count ?? 0);
  return {
    firstAttempts,
    firstAttemptSucceeded,
    firstAttemptSuccessRate: firstAttempts === 0 ? null : firstAttemptSucceeded / firstAttempts,
    delivered: Number(window.delivered ?? 0),
    p95DeliveryMs: percentileFromHistogram(
      latencies.map((row) => ({ le: row.le, count: Number(row.count) })),
      95,
    ),
    pending: now('pending'),
    deadLetters: now('failed'),
  };
}
