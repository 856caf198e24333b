import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/prisma';
import type { Settlement } from '@/contracts/settlements';
import type { SettlementCursor } from './settlement-cursor';

export type SettlementFilter = { id?: string; merchantId?: string; from?: string; to?: string };

type SettlementRow = Omit<Settlement, 'grossAmount' | 'refundAmount' | 'feeAmount' | 'netAmount'> & {
  grossAmount: bigint;
  refundAmount: bigint;
  feeAmount: bigint;
  netAmount: bigint;
};

type ReadSettlementPage = { db: Db; filter: SettlementFilter; after?: SettlementCursor; take: number };

/**
 * One page of settlement rows, newest day first. The row comparison after the cursor is a range of the index on
 * (day desc, merchant_id desc, currency desc), or with a merchant of the unique index on (merchant_id, day, currency),
 * so a deep page costs what the first does.
 */
export async function readSettlementPage({ db, filter, after, take }: ReadSettlementPage): Promise<Settlement[]> {
  const conditions = [Prisma.sql`TRUE`];
  if (filter.id) conditions.push(Prisma.sql`s.id = ${filter.id}::uuid`);
  if (filter.merchantId) conditions.push(Prisma.sql`s.merchant_id = ${filter.merchantId}::uuid`);
  if (filter.from) conditions.push(Prisma.sql`s.day >= ${filter.from}::date`);
  if (filter.to) conditions.push(Prisma.sql`s.day <= ${filter.to}::date`);
  if (after)
    conditions.push(
      Prisma.sql`(s.day, s.merchant_id, s.currency) < (${after.date}::date, ${after.merchantId}::uuid, ${after.currency}::char(3))`,
    );
  const rows = await db.$queryRaw<SettlementRow[]>`
    SELECT s.id::text AS id, s.merchant_id::text AS "merchantId", m.name AS "merchantName", to_char(s.day, 'YYYY-MM-DD') AS date,
      s.currency::text AS currency, s.gross_amount AS "grossAmount", s.refund_amount AS "refundAmount", s.fee_amount AS "feeAmount",
      s.net_amount AS "netAmount", s.payment_count AS "paymentCount", s.refund_count AS "refundCount"
    FROM settlement s JOIN merchant m ON m.id = s.merchant_id
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY s.day DESC, s.merchant_id DESC, s.currency DESC
    LIMIT ${take}`;
  return rows.map(toSettlementView);
}

/** Sums are bigint in the database; any sum a day can reach is a safe integer, and one that is not is refused loudly. */
export function toSettlementView(row: SettlementRow): Settlement {
  return {
    ...row,
    grossAmount: safeNumber(row.grossAmount),
    refundAmount: safeNumber(row.refundAmount),
    feeAmount: safeNumber(row.feeAmount),
    netAmount: safeNumber(row.netAmount),
  };
}

export function safeNumber(value: bigint): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`a settlement figure of ${value} minor units is beyond a safe integer`);
  return number;
}
