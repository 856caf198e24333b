import type { RiskAlert } from '@/generated/prisma/client';

export function toRiskAlertView(alert: RiskAlert) {
  return {
    id: alert.id,
    merchantId: alert.merchantId,
    ruleId: alert.ruleId,
    kind: alert.kind,
    status: alert.status,
    evidence: alert.evidence as Record<string, unknown>,
    paymentId: alert.paymentId,
    hitCount: alert.hitCount,
    firstEventAt: alert.firstEventAt?.toISOString() ?? null,
    lastEventAt: alert.lastEventAt?.toISOString() ?? null,
    openedAt: alert.openedAt.toISOString(),
    decidedAt: alert.decidedAt?.toISOString() ?? null,
    decidedBy: alert.decidedBy,
    decisionReason: alert.decisionReason,
  };
}
