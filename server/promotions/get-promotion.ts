import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { countPromotionProgress } from './count-promotion-progress';
import { toPromotionView } from './to-promotion-view';

export async function getPromotion({ db, promotionId, payer }: { db: Db; promotionId: string; payer?: string }) {
  const promotion = await db.promotion.findUnique({ where: { id: promotionId } });
  if (!promotion) throw new AppError('not_found', `Promotion ${promotionId} not found`);
  const counts = await countPromotionProgress({ db, promotionIds: [promotionId] });
  const view = toPromotionView(promotion, counts(promotionId));
  if (payer === undefined) return view;
  const progress = await db.promotionProgress.findUnique({ where: { promotionId_payer: { promotionId, payer } } });
  return {
    ...view,
    progress: progress
      ? { payer, count: progress.count, grantedAt: progress.grantedAt?.toISOString() ?? null, grantedPaymentId: progress.grantedPaymentId }
      : null,
  };
}
