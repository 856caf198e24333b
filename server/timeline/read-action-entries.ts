import type { Db } from '@/lib/db/prisma';
import type { TimelineEntry } from '@/contracts/payment-timeline';
import { timelineKindLimit } from './timeline-kind-limit';

type ReadActionEntries = { db: Db; paymentId: string; deliveryIds: string[]; alertIds: string[] };

/** What people (and the risk engine) did to the payment, its deliveries and its alerts, from the audit trail. */
export async function readActionEntries({ db, paymentId, deliveryIds, alertIds }: ReadActionEntries) {
  const subjects = [
    { subjectType: 'payment', subjectId: paymentId },
    ...(deliveryIds.length ? [{ subjectType: 'delivery', subjectId: { in: deliveryIds } }] : []),
    ...(alertIds.length ? [{ subjectType: 'risk_alert', subjectId: { in: alertIds } }] : []),
  ];
  const audit = await db.auditEvent.findMany({
    where: { OR: subjects },
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
