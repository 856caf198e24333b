// GET /api/campaigns/{id}: one campaign and what it has spent.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getCampaign } from '@/server/campaigns/get-campaign';
import { getCampaignOperation } from '@/contracts/campaigns';

export const GET = handle(getCampaignOperation, ({ params }) => getCampaign({ db: getPrisma(), campaignId: params.id }));
