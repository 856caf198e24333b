// GET /api/promotions/{id}: one promotion with its counts, and a payer's progress when ?payer= is given.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getPromotion } from '@/server/promotions/get-promotion';
import { getPromotionOperation } from '@/contracts/promotions';

export const GET = handle(getPromotionOperation, ({ params, query }) =>
  getPromotion({ db: getPrisma(), promotionId: params.id, payer: query.payer }),
);
