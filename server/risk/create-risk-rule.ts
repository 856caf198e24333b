import type { z } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import type { createRiskRuleBodySchema } from '@/contracts/risk';
import { toRiskRuleView } from './to-risk-rule-view';

type CreateRiskRule = { db: Db; input: z.output<typeof createRiskRuleBodySchema> };

/** A new rule; the risk worker reads enabled rules on every event, so it applies from the next payment on. */
export async function createRiskRule({ db, input }: CreateRiskRule) {
  try {
    const rule = await db.riskRule.create({
      data: { name: input.name, kind: input.kind, params: input.params, action: input.action, enabled: input.enabled },
    });
    return toRiskRuleView(rule);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('conflict', `A risk rule named ${input.name} already exists`);
    }
    throw error;
  }
}
