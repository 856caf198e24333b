import type { Db } from '@/lib/db/prisma';
import { bucketStart, bucketStarts } from '@/server/stats/time-buckets';

type Volume = { currency: string; count: number; amount: number };

const add = (volumes: Volume[], currency: string, count: number, amount: number) => {
  const volume = volumes.find((v) => v.currency === currency);
  if (volume) {
    volume.count += count;
    volume.amount += amount;
  } else volumes.push({ currency, count, amount });
};

const total = (volumes: Volume[]) => volumes.reduce((sum, volume) => sum + volume.count, 0);

/** A merchant's paid hours from `from` on (one statement), as an hourly series and totals since two instants. */
export async function readMerchantVolume({
  db,
  merchantId,
  from,
  now,
  totalsSince,
}: {
  db: Db;
  merchantId: string;
  from: Date;
  now: Date;
  totalsSince: Date[];
}) {
  const start = new Date(Math.min(bucketStart(from, 3600).getTime(), ...totalsSince.map((since) => bucketStart(since, 3600).getTime())));
  const rows = await db.$queryRaw<{ at: Date; currency: string; count: bigint; amount: bigint }[]>`
    SELECT bucket_start AS at, currency, sum(paid_count) AS count, sum(paid_amount) AS amount FROM merchant_paid_hour
    WHERE merchant_id = ${merchantId}::uuid AND bucket_start >= ${start} GROUP BY bucket_start, currency ORDER BY currency`;
  const points = new Map(
    bucketStarts(from, now, 3600).map((at) => [at.getTime(), { at: at.toISOString(), paid: 0, volume: [] as Volume[] }]),
  );
  const totals = totalsSince.map(() => [] as Volume[]);
  for (const row of rows) {
    const count = Number(row.count);
    const amount = Number(row.amount);
    if (count === 0 && amount === 0) continue;
    const point = points.get(row.at.getTime());
    if (point) add(point.volume, row.currency, count, amount);
    totalsSince.forEach((since, index) => row.at >= bucketStart(since, 3600) && add(totals[index], row.currency, count, amount));
  }
  for (const point of points.values()) point.paid = total(point.volume);
  return { points: [...points.values()], totals: totals.map((volume) => ({ paid: total(volume), volume })) };
}
