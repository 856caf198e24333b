import type { Db } from '@/lib/db/prisma';
import type { BillLine } from '@/server/providers/provider-client';
import type { BookRecord } from './compare-bill';

type ReadBookRecords = { db: Db; provider: 'wechatpay' | 'alipay'; date: string; bill: BillLine[] };

// Bills are by the providers' own day: China time, whatever the settlement zone is.
const billTimeZone = 'Asia/Shanghai';

/**
 * Our side of a provider's bill day: its attempts paid that day (by the provider's own paid time) and the refunds
 * we submitted that day, plus every attempt and refund a bill line names, whatever its day, so a line is matched
 * to its record rather than reported missing because the two sides put it a moment apart across midnight.
 */
export async function readBookRecords({ db, provider, date, bill }: ReadBookRecords): Promise<BookRecord[]> {
  const tradeNos = bill.filter((line) => line.kind === 'payment').map((line) => line.providerTradeNo);
  const refundNos = bill.flatMap((line) => (line.kind === 'refund' && line.providerRefundNo ? [line.providerRefundNo] : []));
  return db.$queryRaw<BookRecord[]>`
    WITH day AS (
      SELECT (${date}::date)::timestamp AT TIME ZONE ${billTimeZone} AS since,
        (${date}::date + 1)::timestamp AT TIME ZONE ${billTimeZone} AS until
    )
    SELECT 'payment' AS kind, a.provider_trade_no AS number, a.provider_trade_no AS "providerTradeNo", a.amount,
      a.currency::text AS currency, a.merchant_id::text AS "merchantId", a.payment_id::text AS "paymentId",
      a.status = 'succeeded' AS moved, coalesce(a.paid_at >= day.since AND a.paid_at < day.until, false) AS "ofTheDay"
    FROM payment_attempt a, day
    WHERE a.provider = ${provider}::"Provider"
      AND ((a.status = 'succeeded' AND a.paid_at >= day.since AND a.paid_at < day.until) OR a.provider_trade_no = ANY(${tradeNos}::text[]))
    UNION ALL
    SELECT 'refund', r.provider_refund_no, a.provider_trade_no, r.amount, r.currency::text, r.merchant_id::text, r.payment_id::text,
      r.status IN ('processing', 'succeeded', 'abnormal'),
      coalesce(r.submitted_at >= day.since AND r.submitted_at < day.until, false)
    FROM refund r JOIN payment_attempt a ON a.id = r.attempt_id, day
    WHERE a.provider = ${provider}::"Provider"
      AND ((r.submitted_at >= day.since AND r.submitted_at < day.until) OR r.provider_refund_no = ANY(${refundNos}::text[]))`;
}
