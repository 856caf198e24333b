import type { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import { scopedMerchantFilter } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { afterCursor, decodeCursor, pageOf } from '@/lib/pagination/keyset-cursor';
import type { listPaymentsQuerySchema } from '@/contracts/payment-list';
import { paymentIdSearch } from './payment-id-search';
import { toPaymentView } from './to-payment-view';

type ListPayments = { db: Db; principal: Principal | null; query: z.output<typeof listPaymentsQuerySchema> };

/**
 * Newest first by (createdAt, id), keyset-paginated; every filter is served by an index in that order (schema.prisma,
 * Payment), so a page costs the same however deep it is. A merchant-bound caller lists only its own.
 */
export async function listPayments({ db, principal, query }: ListPayments) {
  const merchantId = scopedMerchantFilter(principal, query.merchantId);
  const ids = query.q === undefined ? undefined : (await db.$queryRaw<{ id: string }[]>(paymentIdSearch(query.q))).map((row) => row.id);
  const where: Prisma.PaymentWhereInput = {
    AND: [
      ids ? { id: { in: ids } } : {},
      merchantId ? { merchantId } : {},
      query.provider ? { provider: query.provider } : {},
      query.status ? { status: query.status } : {},
      query.amountMin !== undefined || query.amountMax !== undefined ? { amount: { gte: query.amountMin, lte: query.amountMax } } : {},
      query.since || query.until
        ? { createdAt: { gte: query.since ? new Date(query.since) : undefined, lt: query.until ? new Date(query.until) : undefined } }
        : {},
      query.flagged === undefined ? {} : { flaggedReason: query.flagged ? { not: null } : null },
      afterCursor(decodeCursor(query.cursor)),
    ],
  };
  const rows = await db.payment.findMany({
    where,
    include: { merchant: { select: { name: true } }, attempts: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = pageOf(rows, query.limit);
  return { items: page.items.map((row) => ({ ...toPaymentView(row), merchantName: row.merchant.name })), nextCursor: page.nextCursor };
}
