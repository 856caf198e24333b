// GET /api/overview: the console's figures and orders per minute, from the pre-aggregated rows (staff).
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { handle } from '@/lib/http/handle';
import { getOverview } from '@/server/overview/get-overview';
import { getOverviewOperation } from '@/contracts/overview';

export const GET = handle(getOverviewOperation, ({ query }) =>
  getOverview({ db: getPrisma(), timeZone: getEnv().SETTLEMENT_TIMEZONE, hours: query.hours }),
);
