import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import type { createCampaignBodySchema } from '@/contracts/campaigns';
import { toCampaignView } from './to-campaign-view';

type CreateCampaign = { db: Db; input: z.output<typeof createCampaignBodySchema> };

export async function createCampaign({ db, input }: CreateCampaign) {
  const merchantIds = [...new Set(input.merchantIds)];
  // A campaign naming a merchant that does not exist is a typo, not a campaign that silently never pays.
  const known = await db.merchant.count({ where: { id: { in: merchantIds } } });
  if (known !== merchantIds.length) throw new AppError('validation_failed', 'merchantIds names a merchant that does not exist');
  const campaign = await db.campaign.create({
    data: { ...input, merchantIds, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) },
    include: { _count: { select: { rewards: true } } },
  });
  return toCampaignView(campaign);
}
