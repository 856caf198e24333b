import type { Db } from '@/lib/db/prisma';
import { toRiskRuleView } from './to-risk-rule-view';

/** Every rule; there are a handful, so no pagination. */
export async function listRiskRules({ db }: { db: Db }) {
  const rules = await db.riskRule.findMany({ orderBy: [{ createdAt: 'asc' }, { name: 'asc' }] });
  return { items: rules.map(toRiskRuleView) };
}
