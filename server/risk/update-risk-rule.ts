import type { z } from 'zod';
import { Prisma, type RiskRule } from '@/generated/prisma/client';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/server/audit/record-audit';
import type { updateRiskRuleBodySchema } from '@/contracts/risk';
import { ruleDefinitionSchema } from '@/contracts/risk-rules';
import { toRiskRuleView } from './to-risk-rule-view';

type UpdateRiskRule = { db: Db; principal: Principal; ruleId: string; changes: z.output<typeof updateRiskRuleBodySchema> };

type Field = 'name' | 'params' | 'action' | 'enabled';
const fields: Field[] = ['name', 'params', 'action', 'enabled'];

/** `risk_rule.enable` / `risk_rule.disable` when only the switch moved, else `risk_rule.update`. */
function auditActionOf(changed: Field[], after: RiskRule): string {
  if (changed.length === 1 && changed[0] === 'enabled') return after.enabled ? 'risk_rule.enable' : 'risk_rule.disable';
  return 'risk_rule.update';
}

/**
 * Edits a rule (enable and disable are edits too), recorded with its person and the fields that changed, before →
 * after. New params are checked against the rule's kind, never stored unchecked. A change that changes nothing is not
 * recorded.
 */
export async function updateRiskRule({ db, principal, ruleId, changes }: UpdateRiskRule) {
  let params: Prisma.InputJsonValue | undefined;
  try {
    return await db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM risk_rule WHERE id = ${ruleId}::uuid FOR UPDATE`;
      if (!locked) throw new AppError('not_found', `Risk rule ${ruleId} not found`);
      const rule = await tx.riskRule.findUniqueOrThrow({ where: { id: ruleId } });
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
      const updated = await tx.riskRule.update({
        where: { id: ruleId },
        data: { name: changes.name, params, action: changes.action, enabled: changes.enabled },
      });
      const changed = fields.filter((field) => JSON.stringify(rule[field]) !== JSON.stringify(updated[field]));
      if (changed.length > 0) {
        await recordAudit(tx, {
          actor: principal,
          action: auditActionOf(changed, updated),
          subjectType: 'risk_rule',
          subjectId: ruleId,
          before: Object.fromEntries(changed.map((field) => [field, rule[field] as Prisma.InputJsonValue])),
          after: Object.fromEntries(changed.map((field) => [field, updated[field] as Prisma.InputJsonValue])),
        });
      }
      return toRiskRuleView(updated);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('conflict', `A risk rule named ${changes.name} already exists`);
    }
    throw error;
  }
}
