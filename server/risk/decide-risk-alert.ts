import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { AppError } from '@/lib/errors';
import { blockMerchant } from '@/server/merchants/set-merchant-status';
import type { decideRiskAlertBodySchema } from '@/contracts/risk';
import { toRiskAlertView } from './to-risk-alert-view';

type DecideRiskAlert = { db: Db; alertId: string; decision: z.output<typeof decideRiskAlertBodySchema> };

// acknowledged: a person owns it and watches; it stays live (new hits fold into it). The others end it.
const allowedFrom = { acknowledged: ['open'], blocked: ['open', 'acknowledged'], dismissed: ['open', 'acknowledged'] } as const;

/**
 * An analyst's decision on an alert, with who, when and why. `blocked` blocks the merchant through the one block
 * operation, in the same transaction, unless it is blocked already. The conditional update decides races: of two
 * analysts deciding at once, one wins and the other gets 409.
 */
export async function decideRiskAlert({ db, alertId, decision }: DecideRiskAlert) {
  const actor = decision.analyst ? `admin:${decision.analyst}` : 'admin';
  return db.$transaction(async (tx) => {
    const alert = await tx.riskAlert.findUnique({ where: { id: alertId } });
    if (!alert) throw new AppError('not_found', `Risk alert ${alertId} not found`);
    const updated = await tx.riskAlert.updateMany({
      where: { id: alertId, status: { in: [...allowedFrom[decision.decision]] } },
      data: {
        status: decision.decision,
        decidedAt: new Date(),
        decidedBy: actor,
        decisionReason: decision.reason,
        openKey: decision.decision === 'acknowledged' ? undefined : null,
      },
    });
    if (updated.count === 0)
      throw new AppError('conflict', `Risk alert ${alertId} is ${alert.status}; it cannot become ${decision.decision}`);
    await notifyChanges(tx, [{ kind: 'alert', id: alertId, merchantId: alert.merchantId }]);
    if (decision.decision === 'blocked') {
      if (!alert.merchantId) throw new AppError('conflict', 'This alert names no merchant to block');
      const merchant = await tx.merchant.findUnique({ where: { id: alert.merchantId }, select: { status: true } });
      if (merchant?.status === 'active') {
        await blockMerchant({ db, tx, merchantId: alert.merchantId, reason: decision.reason, actor, source: 'api', alertId });
      }
    }
    return toRiskAlertView(await tx.riskAlert.findUniqueOrThrow({ where: { id: alertId } }));
  });
}
