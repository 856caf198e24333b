import type { z } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import type { updateRiskRuleBodySchema } from '@/contracts/risk';
import { ruleDefinitionSchema } from '@/contracts/risk-rules';
import { toRiskRuleView } from './to-risk-rule-view';

type UpdateRiskRule = { db: Db; ruleId: string; changes: z.output<typeof updateRiskRuleBodySchema> };

/** Edits a rule (enable and disable are edits too). New params are checked against the rule's kind, never stored unchecked. */
export async function updateRiskRule({ db, ruleId, changes }: UpdateRiskRule) {
  const rule = await db.riskRule.findUnique({ where: { id: ruleId } });
  if (!rule) throw new AppError('not_found', `Risk rule ${ruleId} not found`);
  let params: Prisma.InputJsonValue | undefined;
  if (changes.params) {
    const parsed = ruleDefinitionSchema.safeParse({ kind: rule.kind, params: changes.params });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      throw new AppError(
        'validation_failed',
        `Invalid params for a ${rule.kind} rule: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        { issues },
      );
    }
    params = parsed.data.params;
  }
  try {
    const updated = await db.riskRule.update({
      where: { id: ruleId },
      data: { name: changes.name, params, action: changes.action, enabled: changes.enabled },
    });
    return toRiskRuleView(updated);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('conflict', `A risk rule named ${changes.name} already exists`);
    }
    throw error;
  }
}
