// GET /api/campaigns: campaigns newest first; POST /api/campaigns: create one.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { createCampaign } from '@/server/campaigns/create-campaign';
import { listCampaigns } from '@/server/campaigns/list-campaigns';
import { createCampaignOperation, listCampaignsOperation } from '@/contracts/campaigns';

export const GET = handle(listCampaignsOperation, ({ query }) => listCampaigns({ db: getPrisma(), query }));
export const POST = handle(createCampaignOperation, ({ body }) => createCampaign({ db: getPrisma(), input: body }));
