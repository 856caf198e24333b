import type { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/prisma';
import { afterCursor, decodeCursor, pageOf } from '@/lib/pagination/keyset-cursor';
import type { listMerchantsQuerySchema } from '@/contracts/merchant-list';
import { readMerchantFigures } from './read-merchant-figures';
import { toMerchantView } from './to-merchant-view';

type ListMerchants = { db: Db; query: z.output<typeof listMerchantsQuerySchema>; now?: Date };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Newest first, keyset-paginated, each with its status, 7-day volume, delivery health and open alerts (staff). */
export async function listMerchants({ db, query, now = new Date() }: ListMerchants) {
  const where: Prisma.MerchantWhereInput = {
    AND: [
      query.status ? { status: query.status } : {},
      query.endpoint === 'disabled' ? { endpointDisabledAt: { not: null } } : {},
      query.endpoint === 'failing' ? { endpointDisabledAt: null, endpointFailingSince: { not: null } } : {},
      query.q
        ? {
            OR: [
              { name: { contains: query.q, mode: 'insensitive' } },
              ...(uuidPattern.test(query.q) ? [{ id: query.q.toLowerCase() }] : []),
            ],
          }
        : {},
      afterCursor(decodeCursor(query.cursor)),
    ],
  };
  const rows = await db.merchant.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: query.limit + 1 });
  const page = pageOf(rows, query.limit);
  const figures = await readMerchantFigures({ db, merchantIds: page.items.map((merchant) => merchant.id), now });
  return {
    items: page.items.map((merchant) => ({
      ...toMerchantView(merchant),
      endpointFailingSince: merchant.endpointFailingSince?.toISOString() ?? null,
      ...figures.get(merchant.id)!,
    })),
    nextCursor: page.nextCursor,
  };
}
