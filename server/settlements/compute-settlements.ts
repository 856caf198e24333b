import { Prisma } from '@/generated/prisma/client';
import type { Db, Tx } from '@/lib/db/prisma';

export type SettlementFigures = {
  merchantId: string;
  date: string;
  currency: string;
  grossAmount: bigint;
  refundAmount: bigint;
  feeAmount: bigint;
  netAmount: bigint;
  paymentCount: number;
  refundCount: number;
};

type ComputeSettlements = { db: Db | Tx; from: string; to: string; timeZone: string; merchantId?: string };

/**
 * DESIGN §3 settlements, from the ledger alone: per merchant, business day and currency, the entries booked in that
 * day of `timeZone` (its midnight to the next, as PostgreSQL's zone rules say), sandbox money left out. Fees are the
 * payments' fees less the fees refunds returned; net = gross − refunds − fees, in integers. The same query settles a
 * day and recomputes it, so the two cannot disagree by construction, only by the ledger having changed under them.
 */
export async function computeSettlements({ db, from, to, timeZone, merchantId }: ComputeSettlements): Promise<SettlementFigures[]> {
  const merchant = merchantId === undefined ? Prisma.empty : Prisma.sql`AND merchant_id = ${merchantId}::uuid`;
  return db.$queryRaw<SettlementFigures[]>`
    WITH figures AS (
      SELECT merchant_id, to_char((booked_at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS date, currency::text AS currency,
        coalesce(sum(amount) FILTER (WHERE kind = 'payment'), 0)::bigint AS gross,
        coalesce(sum(amount) FILTER (WHERE kind = 'refund'), 0)::bigint AS refunds,
        (coalesce(sum(amount) FILTER (WHERE kind = 'fee'), 0) - coalesce(sum(amount) FILTER (WHERE kind = 'fee_return'), 0))::bigint AS fees,
        (count(*) FILTER (WHERE kind = 'payment'))::int AS payment_count,
        (count(*) FILTER (WHERE kind = 'refund'))::int AS refund_count
      FROM ledger_entry
      WHERE NOT sandbox
        AND booked_at >= (${from}::date)::timestamp AT TIME ZONE ${timeZone}
        AND booked_at < (${to}::date + 1)::timestamp AT TIME ZONE ${timeZone}
        ${merchant}
      GROUP BY 1, 2, 3
    )
    SELECT merchant_id::text AS "merchantId", date, currency, gross AS "grossAmount", refunds AS "refundAmount", fees AS "feeAmount",
      gross - refunds - fees AS "netAmount", payment_count AS "paymentCount", refund_count AS "refundCount"
    FROM figures
    ORDER BY date, merchant_id, currency`;
}
