import type { Db } from '@/lib/db/prisma';
import { bucketStarts } from '@/server/stats/time-buckets';

/**
 * Today's orders and payments, and orders per minute by provider, from payment_stat_minute: at most one row per
 * minute, provider and currency (plus the shards of the last minute or two), however many payments there are. The
 * series comes back as one row of arrays, since reading a day of rows one by one costs more than the rest together.
 */
export async function readPaymentFigures({ db, todaySince, seriesFrom, now }: { db: Db; todaySince: Date; seriesFrom: Date; now: Date }) {
  const [today, [series]] = await Promise.all([
    db.$queryRaw<{ currency: string; pending: bigint; succeeded: bigint; closed: bigint; failed: bigint; paid: bigint; amount: bigint }[]>`
      SELECT currency, sum(pending) AS pending, sum(succeeded) AS succeeded, sum(closed) AS closed, sum(failed) AS failed,
        sum(paid_count) AS paid, sum(paid_amount) AS amount
      FROM payment_stat_minute WHERE bucket_start >= ${todaySince} GROUP BY currency ORDER BY currency`,
    // One row of parallel arrays (minute, then created and paid per provider): cheap to read, cheap to turn into points.
    db.$queryRaw<Record<'at' | 'cw' | 'ca' | 'cs' | 'pw' | 'pa' | 'ps', number[] | null>[]>`
      SELECT array_agg((extract(epoch FROM bucket_start) * 1000)::float8 ORDER BY bucket_start) AS at,
        array_agg(cw ORDER BY bucket_start) AS cw, array_agg(ca ORDER BY bucket_start) AS ca, array_agg(cs ORDER BY bucket_start) AS cs,
        array_agg(pw ORDER BY bucket_start) AS pw, array_agg(pa ORDER BY bucket_start) AS pa, array_agg(ps ORDER BY bucket_start) AS ps
      FROM (
        SELECT bucket_start,
          coalesce(sum(pending + succeeded + closed + failed) FILTER (WHERE provider = 'wechatpay'), 0)::int AS cw,
          coalesce(sum(pending + succeeded + closed + failed) FILTER (WHERE provider = 'alipay'), 0)::int AS ca,
          coalesce(sum(pending + succeeded + closed + failed) FILTER (WHERE provider = 'sandbox'), 0)::int AS cs,
          coalesce(sum(paid_count) FILTER (WHERE provider = 'wechatpay'), 0)::int AS pw,
          coalesce(sum(paid_count) FILTER (WHERE provider = 'alipay'), 0)::int AS pa,
          coalesce(sum(paid_count) FILTER (WHERE provider = 'sandbox'), 0)::int AS ps
        FROM payment_stat_minute WHERE bucket_start >= ${seriesFrom} GROUP BY bucket_start) minutes`,
  ]);
  const byStatus = { pending: 0, succeeded: 0, closed: 0, failed: 0 };
  for (const row of today) {
    byStatus.pending += Number(row.pending);
    byStatus.succeeded += Number(row.succeeded);
    byStatus.closed += Number(row.closed);
    byStatus.failed += Number(row.failed);
  }
  const finished = byStatus.succeeded + byStatus.closed + byStatus.failed;
  return {
    today: {
      orders: byStatus.pending + finished,
      paid: today.reduce((sum, row) => sum + Number(row.paid), 0),
      volume: today
        .filter((row) => row.paid > 0n || row.amount !== 0n)
        .map((row) => ({ currency: row.currency, count: Number(row.paid), amount: Number(row.amount) })),
      byStatus,
      successRate: finished === 0 ? null : byStatus.succeeded / finished,
    },
    points: toPoints(series, seriesFrom, now),
  };
}

function toPoints(series: Record<'at' | 'cw' | 'ca' | 'cs' | 'pw' | 'pa' | 'ps', number[] | null>, from: Date, now: Date) {
  const index = new Map((series.at ?? []).map((at, i) => [at, i]));
  const value = (column: number[] | null, i: number | undefined) => (i === undefined || !column ? 0 : column[i]);
  return bucketStarts(from, now, 60).map((at) => {
    const i = index.get(at.getTime());
    return {
      at: at.toISOString(),
      created: { wechatpay: value(series.cw, i), alipay: value(series.ca, i), sandbox: value(series.cs, i) },
      paid: { wechatpay: value(series.pw, i), alipay: value(series.pa, i), sandbox: value(series.ps, i) },
    };
  });
}
