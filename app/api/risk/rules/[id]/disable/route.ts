// POST /api/risk/rules/{id}/disable: the rule stops judging payments; its alerts stay.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { disableRiskRuleOperation } from '@/contracts/risk';
import { updateRiskRule } from '@/server/risk/update-risk-rule';

export const POST = handle(disableRiskRuleOperation, ({ params, principal }) =>
  updateRiskRule({ db: getPrisma(), principal, ruleId: params.id, changes: { enabled: false } }),
);
