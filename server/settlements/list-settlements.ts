import type { z } from 'zod';
import { scopedMerchantFilter } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import type { listSettlementsQuerySchema } from '@/contracts/settlements';
import { readSettlementPage } from './read-settlement-page';
import { decodeSettlementCursor, encodeSettlementCursor } from './settlement-cursor';

type ListSettlements = { db: Db; principal: Principal | null; query: z.output<typeof listSettlementsQuerySchema> };

/** GET /api/settlements: daily rows newest first, keyset-paginated; a merchant-bound caller lists only its own. */
export async function listSettlements({ db, principal, query }: ListSettlements) {
  const after = decodeSettlementCursor(query.cursor);
  const merchantId = scopedMerchantFilter(principal, query.merchantId);
  const rows = await readSettlementPage({ db, filter: { merchantId, from: query.from, to: query.to }, after, take: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeSettlementCursor(last) : null };
}
