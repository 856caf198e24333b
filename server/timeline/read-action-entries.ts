import type { Db } from '@/lib/db/prisma';
import type { TimelineEntry } from '@/contracts/payment-timeline';
import { timelineKindLimit } from './timeline-kind-limit';

type ReadActionEntries = {
  db: Db;
  paymentId: string;
  deliveryIds: string[];
  refundIds: string[];
  alertIds: string[];
  /** A merchant caller: the risk engine's own actions are risk internals. */
  withoutRisk: boolean;
};

/**
 * What people (and the risk engine) did to the payment, its deliveries, its refunds and its alerts, from the audit
 * trail: one read over its (subject type, subject id) index.
 */
export async function readActionEntries({ db, paymentId, deliveryIds, refundIds, alertIds, withoutRisk }: ReadActionEntries) {
  const subjects = [
    { subjectType: 'payment', subjectId: paymentId },
    ...(deliveryIds.length ? [{ subjectType: 'delivery', subjectId: { in: deliveryIds } }] : []),
    ...(refundIds.length ? [{ subjectType: 'refund', subjectId: { in: refundIds } }] : []),
    ...(alertIds.length ? [{ subjectType: 'risk_alert', subjectId: { in: alertIds } }] : []),
  ];
  const audit = await db.auditEvent.findMany({
    where: { OR: subjects, ...(withoutRisk ? { actor: { not: 'risk-engine' } } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: timelineKindLimit + 1,
  });
  const entries: TimelineEntry[] = audit.slice(0, timelineKindLimit).map((event) => ({
    type: 'action' as const,
    at: event.createdAt.toISOString(),
    actor: event.actor,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    reason: event.reason,
  }));
  return { entries, truncated: audit.length > timelineKindLimit };
}
