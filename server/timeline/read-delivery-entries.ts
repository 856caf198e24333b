import type { Db } from '@/lib/db/prisma';
import type { TimelineEntry } from '@/contracts/payment-timeline';
import { timelineKindLimit } from './timeline-kind-limit';

/** The payment's deliveries (one per event it had) and every attempt of each. */
export async function readDeliveryEntries({ db, paymentId }: { db: Db; paymentId: string }) {
  const deliveries = await db.delivery.findMany({
    where: { paymentId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: timelineKindLimit + 1,
    select: { id: true, eventType: true, status: true, attemptCount: true, createdAt: true },
  });
  const ids = deliveries.slice(0, timelineKindLimit).map((delivery) => delivery.id);
  const attempts =
    ids.length === 0
      ? []
      : await db.deliveryAttempt.findMany({
          where: { deliveryId: { in: ids } },
          orderBy: [{ startedAt: 'asc' }, { attemptNumber: 'asc' }],
          take: timelineKindLimit + 1,
          select: { deliveryId: true, attemptNumber: true, statusCode: true, durationMs: true, error: true, startedAt: true },
        });
  const entries: TimelineEntry[] = [
    ...deliveries.slice(0, timelineKindLimit).map((delivery) => ({
      type: 'delivery' as const,
      at: delivery.createdAt.toISOString(),
      deliveryId: delivery.id,
      eventType: delivery.eventType,
      status: delivery.status,
      attemptCount: delivery.attemptCount,
    })),
    ...attempts.slice(0, timelineKindLimit).map((attempt) => ({
      type: 'delivery_attempt' as const,
      at: attempt.startedAt.toISOString(),
      deliveryId: attempt.deliveryId,
      attemptNumber: attempt.attemptNumber,
      statusCode: attempt.statusCode,
      durationMs: attempt.durationMs,
      error: attempt.error,
    })),
  ];
  return { ids, entries, truncated: deliveries.length > timelineKindLimit || attempts.length > timelineKindLimit };
}
