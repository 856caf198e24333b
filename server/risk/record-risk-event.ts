import type { Tx } from '@/lib/db/prisma';
import { partyKey } from './risk-facts';

type RecordRiskEvent = {
  tx: Tx;
  eventId: string;
  payment: { id: string; merchantId: string; amount: number; paidAt: Date; payer: string | null; device: string | null };
};

/**
 * Marks the event processed and folds the payment into the merchant's aggregates, in one statement: upserts of
 * the minute bucket, the payer/device buckets and the profile, so no event ever scans the payment history.
 * Returns false for an event seen before: the aggregates then stay as they were (a duplicate changes nothing).
 * Concurrent copies of one event queue on processed_event's key; the loser finds it taken after the winner commits.
 */
export async function recordRiskEvent({ tx, eventId, payment }: RecordRiskEvent): Promise<boolean> {
  const parties = [
    ...(payment.payer ? [partyKey('payer', payment.payer)] : []),
    ...(payment.device ? [partyKey('device', payment.device)] : []),
  ];
  const [row] = await tx.$queryRaw<{ fresh: number }[]>`
    WITH fresh AS (
      INSERT INTO processed_event (subscriber, event_id) VALUES ('risk', ${eventId})
      ON CONFLICT DO NOTHING RETURNING event_id
    ), bucket AS (
      INSERT INTO merchant_risk_bucket AS b (merchant_id, bucket_start, count, amount, sample_payment_ids)
      SELECT ${payment.merchantId}::uuid, date_trunc('minute', ${payment.paidAt}::timestamptz), 1, ${payment.amount}, ARRAY[${payment.id}::uuid]
      FROM fresh
      ON CONFLICT (merchant_id, bucket_start) DO UPDATE SET count = b.count + 1, amount = b.amount + excluded.amount,
        sample_payment_ids = CASE WHEN cardinality(b.sample_payment_ids) < 5
          THEN b.sample_payment_ids || excluded.sample_payment_ids ELSE b.sample_payment_ids END
      RETURNING 1
    ), party AS (
      INSERT INTO merchant_risk_party_bucket AS q (merchant_id, party, bucket_start, count)
      SELECT ${payment.merchantId}::uuid, p, date_trunc('minute', ${payment.paidAt}::timestamptz), 1
      FROM fresh, unnest(${parties}::text[]) AS p
      ON CONFLICT (merchant_id, party, bucket_start) DO UPDATE SET count = q.count + 1
      RETURNING 1
    ), profile AS (
      INSERT INTO merchant_risk_profile AS r (merchant_id, first_paid_at, payment_count, amount_total, updated_at)
      SELECT ${payment.merchantId}::uuid, ${payment.paidAt}::timestamptz, 1, ${payment.amount}, now() FROM fresh
      ON CONFLICT (merchant_id) DO UPDATE SET first_paid_at = LEAST(r.first_paid_at, excluded.first_paid_at),
        payment_count = r.payment_count + 1, amount_total = r.amount_total + excluded.amount_total, updated_at = now()
      RETURNING 1
    )
    SELECT count(*)::int AS fresh FROM fresh`;
  return row.fresh === 1;
}
