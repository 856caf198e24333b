// GET /api/merchants/{id}/summary: the merchant's endpoint and delivery health, today's and 7 days' volume.
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { handle } from '@/lib/http/handle';
import { getMerchantSummary } from '@/server/merchants/get-merchant-summary';
import { getMerchantSummaryOperation } from '@/contracts/merchant-summary';

export const GET = handle(getMerchantSummaryOperation, ({ params, query, principal }) =>
  getMerchantSummary({ db: getPrisma(), id: params.id, principal, timeZone: getEnv().SETTLEMENT_TIMEZONE, days: query.days }),
);
