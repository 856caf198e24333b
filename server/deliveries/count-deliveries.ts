import type { z } from 'zod';
import { scopedMerchantFilter } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { bulkRedeliverLimit, type countDeliveriesQuerySchema } from '@/contracts/delivery-count';
import { deliveryFilter } from './delivery-filter';

type CountDeliveries = { db: Db; principal: Principal | null; query: z.output<typeof countDeliveriesQuerySchema> };

/**
 * How many deliveries the list's filter matches, counted no further than one past the cap: the answer a person needs
 * before "redeliver all matching", at a bounded cost however many match.
 */
export async function countDeliveries({ db, principal, query }: CountDeliveries) {
  const merchantId = scopedMerchantFilter(principal, query.merchantId);
  const count = await db.delivery.count({ where: { AND: deliveryFilter(query, merchantId) }, take: bulkRedeliverLimit + 1 });
  return { count: Math.min(count, bulkRedeliverLimit), capped: count > bulkRedeliverLimit, cap: bulkRedeliverLimit };
}
