// POST /api/risk/backtest: what a stored or proposed rule would have raised over past payments; read-only.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { backtestRule } from '@/server/risk/backtest-rule';
import { backtestRiskRuleOperation } from '@/contracts/risk';

export const POST = handle(backtestRiskRuleOperation, ({ body }) => backtestRule({ db: getPrisma(), input: body }));
