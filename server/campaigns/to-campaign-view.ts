import type { Campaign } from '@/generated/prisma/client';

export function toCampaignView(campaign: Campaign & { _count: { rewards: number } }) {
  return {
    id: campaign.id,
    name: campaign.name,
    budget: campaign.budget,
    spent: campaign.spent,
    currency: campaign.currency,
    startsAt: campaign.startsAt.toISOString(),
    endsAt: campaign.endsAt.toISOString(),
    merchantIds: campaign.merchantIds,
    minAmount: campaign.minAmount,
    rewardAmount: campaign.rewardAmount,
    rewardCount: campaign._count.rewards,
    createdAt: campaign.createdAt.toISOString(),
  };
}
