// GET /api/risk/rules: every rule; POST /api/risk/rules: create one.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { createRiskRule } from '@/server/risk/create-risk-rule';
import { listRiskRules } from '@/server/risk/list-risk-rules';
import { createRiskRuleOperation, listRiskRulesOperation } from '@/contracts/risk';

export const GET = handle(listRiskRulesOperation, () => listRiskRules({ db: getPrisma() }));
export const POST = handle(createRiskRuleOperation, ({ body, principal }) => createRiskRule({ db: getPrisma(), principal, input: body }));
