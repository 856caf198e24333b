import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { toRiskAlertView } from './to-risk-alert-view';

export async function getRiskAlert({ db, alertId }: { db: Db; alertId: string }) {
  const alert = await db.riskAlert.findUnique({ where: { id: alertId } });
  if (!alert) throw new AppError('not_found', `Risk alert ${alertId} not found`);
  return toRiskAlertView(alert);
}
