// GET /api/promotions: promotions newest first; POST /api/promotions: create one.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { createPromotion } from '@/server/promotions/create-promotion';
import { listPromotions } from '@/server/promotions/list-promotions';
import { createPromotionOperation, listPromotionsOperation } from '@/contracts/promotions';

export const GET = handle(listPromotionsOperation, ({ query }) => listPromotions({ db: getPrisma(), query }));
export const POST = handle(createPromotionOperation, ({ body }) => createPromotion({ db: getPrisma(), input: body }));
