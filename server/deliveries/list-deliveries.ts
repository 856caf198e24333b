import type { z } from 'zod';
import { scopedMerchantFilter } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { afterCursor, decodeCursor, pageOf } from '@/lib/pagination/keyset-cursor';
import type { listDeliveriesQuerySchema } from '@/contracts/deliveries';
import { deliveryFilter } from './delivery-filter';
import { toDeliveryView } from './to-delivery-view';

type ListDeliveries = { db: Db; principal: Principal | null; query: z.output<typeof listDeliveriesQuerySchema> };

/** Newest first, each with its merchant's name and its latest attempt's answer; a merchant key lists only its own. */
export async function listDeliveries({ db, principal, query }: ListDeliveries) {
  const merchantId = scopedMerchantFilter(principal, query.merchantId);
  const rows = await db.delivery.findMany({
    where: { AND: [...deliveryFilter(query, merchantId), afterCursor(decodeCursor(query.cursor))] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    // The latest attempt of each row on the page, by its (delivery_id, attempt_number) index.
    include: {
      merchant: { select: { name: true } },
      attempts: { orderBy: { attemptNumber: 'desc' }, take: 1, select: { statusCode: true, durationMs: true } },
    },
  });
  const page = pageOf(rows, query.limit);
  const items = page.items.map(({ merchant, attempts, ...delivery }) => ({
    ...toDeliveryView(delivery),
    merchantName: merchant.name,
    lastStatusCode: attempts[0]?.statusCode ?? null,
    lastDurationMs: attempts[0]?.durationMs ?? null,
  }));
  return { items, nextCursor: page.nextCursor };
}
