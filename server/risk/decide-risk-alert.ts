import type { z } from 'zod';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/server/audit/record-audit';
import { blockMerchant, sourceOf } from '@/server/merchants/set-merchant-status';
import type { decideRiskAlertBodySchema } from '@/contracts/risk';
import { readRiskAlert } from './get-risk-alert';

type DecideRiskAlert = { db: Db; alertId: string; principal: Principal; decision: z.output<typeof decideRiskAlertBodySchema> };

// acknowledged: a person owns it and watches; it stays live (new hits fold into it). The others end it.
const allowedFrom = { acknowledged: ['open'], blocked: ['open', 'acknowledged'], dismissed: ['open', 'acknowledged'] } as const;

/**
 * A person's decision on an alert, named by the caller (never by a field of the body). Each decision appends a row to
 * the alert's history and to the audit trail; the alert row keeps only the latest. `blocked` blocks the merchant
 * through the one block operation, in the same transaction, unless it is blocked already. The row lock and the
 * conditional update decide races: of two people deciding at once, one wins and the other gets 409.
 */
export async function decideRiskAlert({ db, alertId, principal, decision }: DecideRiskAlert) {
  const actor = principal.actor;
  return db.$transaction(async (tx) => {
    const [alert] = await tx.$queryRaw<{ status: 'open' | 'acknowledged' | 'blocked' | 'dismissed'; merchantId: string | null }[]>`
      SELECT status::text AS status, merchant_id::text AS "merchantId" FROM risk_alert WHERE id = ${alertId}::uuid FOR UPDATE`;
    if (!alert) throw new AppError('not_found', `Risk alert ${alertId} not found`);
    if (!(allowedFrom[decision.decision] as readonly string[]).includes(alert.status))
      throw new AppError('conflict', `Risk alert ${alertId} is ${alert.status}; it cannot become ${decision.decision}`);
    if (decision.decision === 'blocked' && !alert.merchantId) throw new AppError('conflict', 'This alert names no merchant to block');
    const decidedAt = new Date();
    await tx.riskAlert.update({
      where: { id: alertId },
      data: {
        status: decision.decision,
        decidedAt,
        decidedBy: actor,
        decisionReason: decision.reason,
        openKey: decision.decision === 'acknowledged' ? undefined : null,
      },
    });
    await tx.riskAlertDecision.create({
      data: { alertId, fromStatus: alert.status, decision: decision.decision, actor, reason: decision.reason, createdAt: decidedAt },
    });
    await recordAudit(tx, {
      actor,
      action: 'risk_alert.decide',
      subjectType: 'risk_alert',
      subjectId: alertId,
      merchantId: alert.merchantId,
      reason: decision.reason,
      before: { status: alert.status },
      after: { status: decision.decision },
    });
    await notifyChanges(tx, [{ kind: 'alert', id: alertId, merchantId: alert.merchantId }]);
    if (decision.decision === 'blocked' && alert.merchantId) {
      const merchant = await tx.merchant.findUnique({ where: { id: alert.merchantId }, select: { status: true } });
      if (merchant?.status === 'active') {
        await blockMerchant({
          db,
          tx,
          merchantId: alert.merchantId,
          reason: decision.reason,
          actor: principal,
          source: sourceOf(principal),
          alertId,
        });
      }
    }
    return readRiskAlert(tx, alertId);
  });
}
