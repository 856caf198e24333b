import type { Db, Tx } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { toRiskAlertView } from './to-risk-alert-view';

/** One alert with its decisions, oldest first: every one kept, with its person and reason. */
export async function readRiskAlert(db: Db | Tx, alertId: string) {
  const alert = await db.riskAlert.findUnique({
    where: { id: alertId },
    include: { decisions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
  });
  if (!alert) throw new AppError('not_found', `Risk alert ${alertId} not found`);
  return {
    ...toRiskAlertView(alert),
    decisions: alert.decisions.map((decision) => ({
      fromStatus: decision.fromStatus,
      decision: decision.decision,
      actor: decision.actor,
      reason: decision.reason,
      createdAt: decision.createdAt.toISOString(),
    })),
  };
}

export async function getRiskAlert({ db, alertId }: { db: Db; alertId: string }) {
  return readRiskAlert(db, alertId);
}
