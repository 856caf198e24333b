import type { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import { scopedMerchantFilter } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import type { listPaymentsQuerySchema } from '@/contracts/payment-list';
import { paymentIdSearch } from './payment-id-search';

type PaymentListWhere = { db: Db; principal: Principal | null; query: z.output<typeof listPaymentsQuerySchema> };

/**
 * The payments a list's filters select, confined to a merchant-bound caller's own merchant (naming another is not
 * found). Every filter is served by an index in (createdAt desc, id desc) order (schema.prisma, Payment).
 */
export async function paymentListWhere({ db, principal, query }: PaymentListWhere): Promise<Prisma.PaymentWhereInput> {
  const merchantId = scopedMerchantFilter(principal, query.merchantId);
  const ids = query.q === undefined ? undefined : (await db.$queryRaw<{ id: string }[]>(paymentIdSearch(query.q))).map((row) => row.id);
  return {
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
    ],
  };
}
