import type { Db } from '@/lib/db/prisma';
import { windowStart } from '@/server/stats/time-buckets';

type Volume = { currency: string; count: number; amount: number };

export type MerchantFigures = {
  volume7d: Volume[];
  deliveries: {
    pending: number;
    deadLetters: number;
    firstAttempts7d: number;
    firstAttemptSucceeded7d: number;
    firstAttemptSuccessRate7d: number | null;
  };
  openAlerts: number;
};

/**
 * A page of merchants' figures at once, from the pre-aggregated rows (their hours of the last 7 days and their
 * delivery counts) and the alerts index: four statements for the whole page, none of which reads a payment.
 */
export async function readMerchantFigures({ db, merchantIds, now }: { db: Db; merchantIds: string[]; now: Date }) {
  // The last 7 days: this hour and the 167 before it.
  const since = windowStart(now, 3600, 168);
  const [volumes, counts, firsts, alerts] = await Promise.all([
    db.$queryRaw<{ merchantId: string; currency: string; count: bigint; amount: bigint }[]>`
      SELECT merchant_id::text AS "merchantId", currency, sum(paid_count) AS count, sum(paid_amount) AS amount
      FROM merchant_paid_hour WHERE merchant_id = ANY(${merchantIds}::uuid[]) AND bucket_start >= ${since}
      GROUP BY merchant_id, currency ORDER BY currency`,
    db.$queryRaw<{ merchantId: string; status: string; count: bigint }[]>`
      SELECT merchant_id::text AS "merchantId", status::text, sum(count) AS count
      FROM delivery_status_count WHERE merchant_id = ANY(${merchantIds}::uuid[]) AND status IN ('pending', 'failed')
      GROUP BY merchant_id, status`,
    db.$queryRaw<{ merchantId: string; attempts: bigint; succeeded: bigint }[]>`
      SELECT merchant_id::text AS "merchantId", sum(first_attempts) AS attempts, sum(first_succeeded) AS succeeded
      FROM merchant_delivery_hour WHERE merchant_id = ANY(${merchantIds}::uuid[]) AND bucket_start >= ${since}
      GROUP BY merchant_id`,
    db.$queryRaw<{ merchantId: string; count: bigint }[]>`
      SELECT merchant_id::text AS "merchantId", count(*) AS count FROM risk_alert
      WHERE merchant_id = ANY(${merchantIds}::uuid[]) AND status IN ('open', 'acknowledged') GROUP BY merchant_id`,
  ]);
  const figures = new Map<string, MerchantFigures>();
  for (const merchantId of merchantIds) {
    const first = firsts.find((row) => row.merchantId === merchantId);
    const firstAttempts7d = Number(first?.attempts ?? 0);
    const firstAttemptSucceeded7d = Number(first?.succeeded ?? 0);
    const count = (status: string) => Number(counts.find((row) => row.merchantId === merchantId && row.status === status)?.count ?? 0);
    figures.set(merchantId, {
      volume7d: volumes
        .filter((row) => row.merchantId === merchantId && (row.count !== 0n || row.amount !== 0n))
        .map((row) => ({ currency: row.currency, count: Number(row.count), amount: Number(row.amount) })),
      deliveries: {
        pending: count('pending'),
        deadLetters: count('failed'),
        firstAttempts7d,
        firstAttemptSucceeded7d,
        firstAttemptSuccessRate7d: firstAttempts7d === 0 ? null : firstAttemptSucceeded7d / firstAttempts7d,
      },
      openAlerts: Number(alerts.find((row) => row.merchantId === merchantId)?.count ?? 0),
    });
  }
  return figures;
}
