import type { Db } from '@/lib/db/prisma';

/** Payers under way and payers rewarded, per promotion, in one grouped read. */
export async function countPromotionProgress({ db, promotionIds }: { db: Db; promotionIds: string[] }) {
  const rows = promotionIds.length
    ? await db.$queryRaw<{ promotionId: string; payers: number; granted: number }[]>`
        SELECT promotion_id::text AS "promotionId", count(*)::int AS payers, count(granted_at)::int AS granted
        FROM promotion_progress WHERE promotion_id = ANY(${promotionIds}::uuid[]) GROUP BY promotion_id`
    : [];
  const counts = new Map(rows.map((row) => [row.promotionId, { payers: row.payers, granted: row.granted }]));
  return (id: string) => counts.get(id) ?? { payers: 0, granted: 0 };
}
