// POST /api/risk/alerts/{id}/decision: an analyst acknowledges, dismisses, or blocks the merchant, with a reason.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { decideRiskAlert } from '@/server/risk/decide-risk-alert';
import { decideRiskAlertOperation } from '@/contracts/risk';

export const POST = handle(decideRiskAlertOperation, ({ params, body, principal }) =>
  decideRiskAlert({ db: getPrisma(), alertId: params.id, principal, decision: body }),
);
