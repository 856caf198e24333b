import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import type { createPromotionBodySchema } from '@/contracts/promotions';
import { toPromotionView } from './to-promotion-view';

type CreatePromotion = { db: Db; input: z.output<typeof createPromotionBodySchema> };

export async function createPromotion({ db, input }: CreatePromotion) {
  const promotion = await db.promotion.create({ data: { ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) } });
  return toPromotionView(promotion, { payers: 0, granted: 0 });
}
