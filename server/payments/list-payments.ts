import type { z } from 'zod';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { afterCursor, decodeCursor, pageOf } from '@/lib/pagination/keyset-cursor';
import type { listPaymentsQuerySchema } from '@/contracts/payment-list';
import { paymentListWhere } from './payment-list-where';
import { toPaymentView } from './to-payment-view';

type ListPayments = { db: Db; principal: Principal | null; query: z.output<typeof listPaymentsQuerySchema> };

/**
 * Newest first by (createdAt, id), keyset-paginated; every filter is served by an index in that order (schema.prisma,
 * Payment), so a page costs the same however deep it is. A merchant-bound caller lists only its own.
 */
export async function listPayments({ db, principal, query }: ListPayments) {
  const cursor = decodeCursor(query.cursor);
  const where = await paymentListWhere({ db, principal, query });
  const rows = await db.payment.findMany({
    where: { AND: [where, afterCursor(cursor)] },
    include: { merchant: { select: { name: true } }, attempts: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = pageOf(rows, query.limit);
  return { items: page.items.map((row) => ({ ...toPaymentView(row), merchantName: row.merchant.name })), nextCursor: page.nextCursor };
}
