import type { Db } from '@/lib/db/prisma';
import type { TimelineEntry } from '@/contracts/payment-timeline';
import { timelineKindLimit } from './timeline-kind-limit';

/**
 * What risk made of the payment (staff only): when the risk subscriber judged each of its events (their ids are the
 * deliveries' ids), and the alerts the payment raised (it crossed a rule's threshold, or intake could not match it).
 */
export async function readRiskEntries({ db, paymentId, deliveryIds }: { db: Db; paymentId: string; deliveryIds: string[] }) {
  const [evaluations, alerts] = await Promise.all([
    deliveryIds.length === 0
      ? []
      : db.processedEvent.findMany({ where: { subscriber: 'risk', eventId: { in: deliveryIds } }, orderBy: { processedAt: 'asc' } }),
    db.riskAlert.findMany({ where: { paymentId }, orderBy: [{ openedAt: 'asc' }, { id: 'asc' }], take: timelineKindLimit + 1 }),
  ]);
  const shown = alerts.slice(0, timelineKindLimit);
  const entries: TimelineEntry[] = [
    ...evaluations.map((evaluation) => ({
      type: 'risk_evaluation' as const,
      at: evaluation.processedAt.toISOString(),
      eventId: evaluation.eventId,
    })),
    ...shown.map((alert) => ({
      type: 'risk_alert' as const,
      at: alert.openedAt.toISOString(),
      alertId: alert.id,
      kind: alert.kind,
      ruleId: alert.ruleId,
      status: alert.status,
      hitCount: alert.hitCount,
    })),
  ];
  return { entries, alertIds: shown.map((alert) => alert.id), truncated: alerts.length > timelineKindLimit };
}
