// GET /api/risk/alerts: alerts newest first, filtered, keyset-paginated (admin).
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { listRiskAlerts } from '@/server/risk/list-risk-alerts';
import { listRiskAlertsOperation } from '@/contracts/risk';

export const GET = handle(listRiskAlertsOperation, ({ query }) => listRiskAlerts({ db: getPrisma(), query }));
