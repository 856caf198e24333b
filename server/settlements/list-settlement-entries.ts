import type { z } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import { withinScope } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { decodeCursor, encodeCursor, type Cursor } from '@/lib/pagination/keyset-cursor';
import type { listSettlementEntriesQuerySchema, SettlementEntry } from '@/contracts/settlements';
import { readSettlementPage } from './read-settlement-page';

type ListSettlementEntries = {
  db: Db;
  principal: Principal | null;
  settlementId: string;
  query: z.output<typeof listSettlementEntriesQuerySchema>;
};

type EntryRow = Omit<SettlementEntry, 'bookedAt'> & { bookedAt: Date };

/** What each kind of entry adds to a settlement's net. */
const sign: Record<SettlementEntry['kind'], 1 | -1> = { payment: 1, refund: -1, fee: -1, fee_return: 1 };

/**
 * GET /api/settlements/{id}/entries: the ledger entries a settlement row was computed from (the same selection as
 * compute-settlements.ts: the merchant's non-sandbox entries of that currency booked in that business day, in the
 * time zone the day was settled in), newest first by (bookedAt, id) on the ledger's (merchant_id, booked_at, id)
 * index. Another merchant's row is not found.
 */
export async function listSettlementEntries({ db, principal, settlementId, query }: ListSettlementEntries) {
  const stored = await db.settlement.findUnique({ where: { id: settlementId }, select: { merchantId: true, day: true, currency: true } });
  const { merchantId, day, currency } = withinScope(principal, stored, `Settlement ${settlementId}`);
  const date = day.toISOString().slice(0, 10);
  const [settlement] = await readSettlementPage({ db, filter: { id: settlementId }, take: 1 });
  const marked = await db.settlementDay.findUnique({ where: { day }, select: { timeZone: true } });
  const timeZone = marked?.timeZone ?? getEnv().SETTLEMENT_TIMEZONE;
  const cursor: Cursor | undefined = decodeCursor(query.cursor);
  const after = cursor ? Prisma.sql`AND (e.booked_at, e.id) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)` : Prisma.empty;
  const rows = await db.$queryRaw<EntryRow[]>`
    SELECT e.id::text AS id, e.kind::text AS kind, e.booked_at AS "bookedAt", e.payment_id::text AS "paymentId",
      p.out_trade_no AS "outTradeNo", a.provider_trade_no AS "providerTradeNo", a.provider::text AS provider,
      e.refund_id::text AS "refundId", r.refund_no AS "refundNo", e.amount, e.currency::text AS currency
    FROM ledger_entry e
    JOIN payment p ON p.id = e.payment_id
    JOIN payment_attempt a ON a.id = e.attempt_id
    LEFT JOIN refund r ON r.id = e.refund_id
    WHERE e.merchant_id = ${merchantId}::uuid AND e.currency = ${currency} AND NOT e.sandbox
      AND e.booked_at >= (${date}::date)::timestamp AT TIME ZONE ${timeZone}
      AND e.booked_at < (${date}::date + 1)::timestamp AT TIME ZONE ${timeZone}
      ${after}
    ORDER BY e.booked_at DESC, e.id DESC
    LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    settlement,
    items: page.map((row) => ({ ...row, bookedAt: row.bookedAt.toISOString(), netEffect: sign[row.kind] * row.amount })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.bookedAt, id: last.id }) : null,
  };
}
