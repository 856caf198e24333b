import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { toCampaignView } from './to-campaign-view';

export async function getCampaign({ db, campaignId }: { db: Db; campaignId: string }) {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, include: { _count: { select: { rewards: true } } } });
  if (!campaign) throw new AppError('not_found', `Campaign ${campaignId} not found`);
  return toCampaignView(campaign);
}
