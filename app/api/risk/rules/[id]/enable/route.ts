// POST /api/risk/rules/{id}/enable: the rule judges payments from the next event on.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { enableRiskRuleOperation } from '@/contracts/risk';
import { updateRiskRule } from '@/server/risk/update-risk-rule';

export const POST = handle(enableRiskRuleOperation, ({ params, principal }) =>
  updateRiskRule({ db: getPrisma(), principal, ruleId: params.id, changes: { enabled: true } }),
);
