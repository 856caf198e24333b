import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import { afterCursor, decodeCursor, pageOf } from '@/lib/pagination/keyset-cursor';
import { countPromotionProgress } from './count-promotion-progress';
import type { listPromotionsQuerySchema } from '@/contracts/promotions';
import { toPromotionView } from './to-promotion-view';

type ListPromotions = { db: Db; query: z.output<typeof listPromotionsQuerySchema> };

export async function listPromotions({ db, query }: ListPromotions) {
  const rows = await db.promotion.findMany({
    where: afterCursor(decodeCursor(query.cursor)),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = pageOf(rows, query.limit);
  const counts = await countPromotionProgress({ db, promotionIds: page.items.map((row) => row.id) });
  return { items: page.items.map((row) => toPromotionView(row, counts(row.id))), nextCursor: page.nextCursor };
}
