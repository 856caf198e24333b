import type { Db } from '@/lib/db/prisma';

/** Callbacks received in the window and how many were turned away, and why. */
export async function readCallbackHealth({ db, since, windowMinutes }: { db: Db; since: Date; windowMinutes: number }) {
  const [row] = await db.$queryRaw<Record<'received' | 'duplicates' | 'rejected' | 'unknownPayment' | 'amountMismatch', bigint | null>[]>`
    SELECT sum(received) AS received, sum(duplicates) AS duplicates, sum(rejected) AS rejected,
      sum(unknown_payment) AS "unknownPayment", sum(amount_mismatch) AS "amountMismatch"
    FROM callback_stat_minute WHERE bucket_start >= ${since}`;
  const received = Number(row.received ?? 0);
  return {
    windowMinutes,
    received,
    perMinute: received / windowMinutes,
    duplicates: Number(row.duplicates ?? 0),
    rejected: Number(row.rejected ?? 0),
    unknownPayment: Number(row.unknownPayment ?? 0),
    amountMismatch: Number(row.amountMismatch ?? 0),
  };
}
