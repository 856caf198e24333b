import type { z } from 'zod';
import { scopedMerchantFilter } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { afterCursor, decodeCursor, pageOf } from '@/lib/pagination/keyset-cursor';
import type { listDeliveriesQuerySchema } from '@/contracts/deliveries';
import { deliveryFilter } from './delivery-filter';
import { toDeliveryView } from './to-delivery-view';

type ListDeliveries = { db: Db; principal: Principal | null; query: z.output<typeof listDeliveriesQuerySchema> };

/** Newest first; a merchant key lists only its own. */
export async function listDeliveries({ db, principal, query }: ListDeliveries) {
  const merchantId = scopedMerchantFilter(principal, query.merchantId);
  const rows = await db.delivery.findMany({
    where: { AND: [...deliveryFilter(query, merchantId), afterCursor(decodeCursor(query.cursor))] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = pageOf(rows, query.limit);
  return { items: page.items.map(toDeliveryView), nextCursor: page.nextCursor };
}
