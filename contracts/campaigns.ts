import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { currencySchema, idParamsSchema, minorUnitsSchema, instantSchema } from '@/contracts/common';

const isoTime = instantSchema;

export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  budget: z.number().int(),
  spent: z.number().int().describe('Rewards accrued so far; never above budget'),
  currency: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  merchantIds: z.array(z.uuid()),
  minAmount: z.number().int().describe('A payment qualifies when its amount is at least this'),
  rewardAmount: z.number().int().describe('Accrued once per qualifying payment while the budget lasts'),
  rewardCount: z.number().int(),
  createdAt: z.string(),
});

export const createCampaignBodySchema = z
  .strictObject({
    name: z.string().trim().min(1, 'name is required').max(200),
    budget: minorUnitsSchema,
    currency: currencySchema.default('CNY'),
    startsAt: isoTime,
    endsAt: isoTime,
    merchantIds: z.array(z.uuid()).min(1, 'name at least one participating merchant').max(10_000),
    minAmount: minorUnitsSchema,
    rewardAmount: minorUnitsSchema,
  })
  .refine((body) => new Date(body.startsAt) < new Date(body.endsAt), { message: 'startsAt must be before endsAt', path: ['endsAt'] })
  .refine((body) => body.rewardAmount <= body.budget, { message: 'rewardAmount must fit in the budget', path: ['rewardAmount'] });

export const listCampaignsQuerySchema = z.object({
  merchantId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const createCampaignOperation = defineOperation({
  id: 'createCampaign',
  method: 'POST',
  path: '/api/campaigns',
  summary: 'Create a campaign: budget, time window, participating merchants, and a reward per payment ≥ minAmount',
  tag: 'campaigns',
  auth: { staff: 'admin' },
  body: createCampaignBodySchema,
  status: 201,
  response: campaignSchema,
  errors: [400, 401, 403, 422, 429],
});

export const listCampaignsOperation = defineOperation({
  id: 'listCampaigns',
  method: 'GET',
  path: '/api/campaigns',
  summary: 'Campaigns, newest first; keyset pagination by cursor',
  tag: 'campaigns',
  auth: { staff: 'read' },
  query: listCampaignsQuerySchema,
  status: 200,
  response: z.object({ items: z.array(campaignSchema), nextCursor: z.string().nullable() }),
  errors: [401, 403, 422, 429],
});

export const getCampaignOperation = defineOperation({
  id: 'getCampaign',
  method: 'GET',
  path: '/api/campaigns/{id}',
  summary: 'One campaign with what it has spent',
  tag: 'campaigns',
  auth: { staff: 'read' },
  params: idParamsSchema,
  status: 200,
  response: campaignSchema,
  errors: [401, 403, 404, 429],
});
