import type { Promotion } from '@/generated/prisma/client';

export function toPromotionView(promotion: Promotion, counts: { payers: number; granted: number }) {
  return {
    id: promotion.id,
    name: promotion.name,
    requiredPayments: promotion.requiredPayments,
    minAmount: promotion.minAmount,
    rewardAmount: promotion.rewardAmount,
    startsAt: promotion.startsAt.toISOString(),
    endsAt: promotion.endsAt.toISOString(),
    payers: counts.payers,
    granted: counts.granted,
    createdAt: promotion.createdAt.toISOString(),
  };
}
