import type { Delivery } from '@/generated/prisma/client';

export function toDeliveryView(delivery: Delivery) {
  return {
    id: delivery.id,
    merchantId: delivery.merchantId,
    paymentId: delivery.paymentId,
    eventType: delivery.eventType,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt.toISOString(),
  };
}
