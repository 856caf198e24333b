import type { z } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/server/audit/record-audit';
import type { createRiskRuleBodySchema } from '@/contracts/risk';
import { toRiskRuleView } from './to-risk-rule-view';

type CreateRiskRule = { db: Db; principal: Principal; input: z.output<typeof createRiskRuleBodySchema> };

/** A new rule; the risk worker reads enabled rules on every event, so it applies from the next payment on. */
export async function createRiskRule({ db, principal, input }: CreateRiskRule) {
  try {
    return await db.$transaction(async (tx) => {
      const rule = await tx.riskRule.create({
        data: { name: input.name, kind: input.kind, params: input.params, action: input.action, enabled: input.enabled },
      });
      const view = toRiskRuleView(rule);
      await recordAudit(tx, {
        actor: principal,
        action: 'risk_rule.create',
        subjectType: 'risk_rule',
        subjectId: rule.id,
        after: { name: view.name, kind: view.kind, params: input.params, action: view.action, enabled: view.enabled },
      });
      return view;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('conflict', `A risk rule named ${input.name} already exists`);
    }
    throw error;
  }
}
