// PATCH /api/risk/rules/{id}: edit a rule's name, params, action or enabled.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { updateRiskRuleOperation } from '@/contracts/risk';
import { updateRiskRule } from '@/server/risk/update-risk-rule';

export const PATCH = handle(updateRiskRuleOperation, ({ params, body, principal }) =>
  updateRiskRule({ db: getPrisma(), principal, ruleId: params.id, changes: body }),
);
