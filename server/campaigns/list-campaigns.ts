import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import { afterCursor, decodeCursor, pageOf } from '@/lib/pagination/keyset-cursor';
import type { listCampaignsQuerySchema } from '@/contracts/campaigns';
import { toCampaignView } from './to-campaign-view';

type ListCampaigns = { db: Db; query: z.output<typeof listCampaignsQuerySchema> };

/** Newest first, keyset-paginated; optionally only the campaigns a merchant takes part in. */
export async function listCampaigns({ db, query }: ListCampaigns) {
  const rows = await db.campaign.findMany({
    where: { AND: [query.merchantId ? { merchantIds: { has: query.merchantId } } : {}, afterCursor(decodeCursor(query.cursor))] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: { _count: { select: { rewards: true } } },
  });
  const page = pageOf(rows, query.limit);
  return { items: page.items.map(toCampaignView), nextCursor: page.nextCursor };
}
