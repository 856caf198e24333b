import type { Tx } from '@/lib/db/prisma';
import type { RiskFacts } from './risk-facts';

type Payment = RiskFacts['payment'];
type RecordRiskEvents = { tx: Tx; events: { eventId: string; payment: Payment }[] };

/**
 * Marks a batch of events processed and folds their payments into the merchants' aggregates, in one statement:
 * upserts of the minute buckets, the payer/device buckets and the profiles, grouped so each row is written once,
 * so no event ever scans the payment history. Returns the ids of the events not seen before; the others change
 * nothing. Concurrent copies of one event queue on processed_event's key; the loser finds it taken after the
 * winner commits. Every upsert writes its rows in key order, so concurrent batches queue instead of deadlocking.
 */
export async function recordRiskEvents({ tx, events }: RecordRiskEvents): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const sorted = [...events].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
  const column = <T>(pick: (payment: Payment) => T) => sorted.map(({ payment }) => pick(payment));
  const rows = await tx.$queryRaw<{ eventId: string }[]>`
    WITH input AS (
      SELECT * FROM unnest(${sorted.map((event) => event.eventId)}::text[], ${column((p) => p.id)}::uuid[],
        ${column((p) => p.merchantId)}::uuid[], ${column((p) => p.amount)}::bigint[], ${column((p) => p.paidAt.toISOString())}::timestamptz[],
        ${column((p) => p.payer)}::text[], ${column((p) => p.device)}::text[])
        AS t(event_id, payment_id, merchant_id, amount, paid_at, payer, device)
    ), fresh AS (
      INSERT INTO processed_event (subscriber, event_id) SELECT 'risk', event_id FROM input
      ON CONFLICT DO NOTHING RETURNING event_id
    ), counted AS (
      SELECT input.*, date_trunc('minute', paid_at) AS minute FROM input JOIN fresh USING (event_id)
    ), bucket AS (
      INSERT INTO merchant_risk_bucket AS b (merchant_id, bucket_start, count, amount, sample_payment_ids)
      SELECT merchant_id, minute, count(*), sum(amount), (array_agg(payment_id ORDER BY paid_at, payment_id))[1:5]
      FROM counted GROUP BY merchant_id, minute ORDER BY merchant_id, minute
      ON CONFLICT (merchant_id, bucket_start) DO UPDATE SET count = b.count + excluded.count, amount = b.amount + excluded.amount,
        sample_payment_ids = (b.sample_payment_ids || excluded.sample_payment_ids)[1:5]
      RETURNING 1
    ), party AS (
      INSERT INTO merchant_risk_party_bucket AS q (merchant_id, party, bucket_start, count)
      SELECT merchant_id, p, minute, count(*)
      FROM counted, unnest(array_remove(ARRAY['payer:' || nullif(payer, ''), 'device:' || nullif(device, '')], NULL)) AS p
      GROUP BY merchant_id, p, minute ORDER BY merchant_id, p, minute
      ON CONFLICT (merchant_id, party, bucket_start) DO UPDATE SET count = q.count + excluded.count
      RETURNING 1
    ), profile AS (
      INSERT INTO merchant_risk_profile AS r (merchant_id, first_paid_at, payment_count, amount_total, updated_at)
      SELECT merchant_id, min(paid_at), count(*), sum(amount), now() FROM counted GROUP BY merchant_id ORDER BY merchant_id
      ON CONFLICT (merchant_id) DO UPDATE SET first_paid_at = LEAST(r.first_paid_at, excluded.first_paid_at),
        payment_count = r.payment_count + excluded.payment_count, amount_total = r.amount_total + excluded.amount_total, updated_at = now()
      RETURNING 1
    )
    SELECT event_id AS "eventId" FROM fresh`;
  return new Set(rows.map((row) => row.eventId));
}
