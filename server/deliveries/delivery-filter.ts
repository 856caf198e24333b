import type { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import type { countDeliveriesQuerySchema } from '@/contracts/delivery-count';

/** The deliveries list's filter, shared by the list and its count, for a merchant already scoped to the caller. */
export function deliveryFilter(
  query: z.output<typeof countDeliveriesQuerySchema>,
  merchantId: string | undefined,
): Prisma.DeliveryWhereInput[] {
  return [
    merchantId ? { merchantId } : {},
    query.paymentId ? { paymentId: query.paymentId } : {},
    query.status ? { status: query.status } : {},
    query.since || query.until
      ? { createdAt: { gte: query.since ? new Date(query.since) : undefined, lt: query.until ? new Date(query.until) : undefined } }
      : {},
  ];
}
