import type { z } from 'zod';
import type { listUsersQuerySchema } from '@/contracts/users';
import type { Principal } from '@/lib/auth/principal';
import { scopedMerchantFilter } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { afterCursor, decodeCursor, pageOf } from '@/lib/pagination/keyset-cursor';
import { toUserView } from './to-user-view';

type ListUsers = { db: Db; principal: Principal; query: z.output<typeof listUsersQuerySchema> };

/** Newest first, keyset-paginated; a merchant's owners see only their merchant's users. */
export async function listUsers({ db, principal, query }: ListUsers) {
  const merchantId = scopedMerchantFilter(principal, query.merchantId);
  const rows = await db.user.findMany({
    where: {
      ...(merchantId ? { merchantId } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...afterCursor(decodeCursor(query.cursor)),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = pageOf(rows, query.limit);
  return { items: page.items.map(toUserView), nextCursor: page.nextCursor };
}
