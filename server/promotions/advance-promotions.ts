import type { Db } from '@/lib/db/prisma';
import type { PaymentSucceededEvent } from '@/contracts/events';

type AdvancePromotions = { db: Db; events: PaymentSucceededEvent[] };

export type PromotionOutcome = { outcome: 'duplicate' | 'processed'; advanced: string[]; granted: string[] };

/**
 * The promotion subscriber's work for a batch of payments: each counts toward every running promotion it
 * qualifies for, for its payer, and the payment that reaches the required count grants the reward. Most payments
 * count toward no promotion, so one read sorts the batch and those need no transaction and write nothing
 * (skipping the processed mark is safe: a payment that counted toward nothing has nothing to count twice).
 * Returns one outcome per event.
 */
export async function advancePromotions({ db, events }: AdvancePromotions): Promise<PromotionOutcome[]> {
  const data = events.map((event) => event.data);
  const qualifying = await db.$queryRaw<{ index: number }[]>`
    SELECT (e.ord - 1)::int AS index
    FROM unnest(${data.map((d) => d.amount)}::int[], ${data.map((d) => d.paidAt)}::timestamptz[], ${data.map((d) => d.payer)}::text[])
      WITH ORDINALITY AS e(amount, paid_at, payer, ord)
    WHERE e.payer <> ''
      AND EXISTS (SELECT 1 FROM promotion p WHERE p.starts_at <= e.paid_at AND p.ends_at > e.paid_at AND p.min_amount <= e.amount)`;
  // Sandbox payments are test payments: they never count toward a promotion.
  const qualifies = new Set(qualifying.map((row) => row.index).filter((index) => events[index].data.provider !== 'sandbox'));
  return Promise.all(
    events.map((event, index) =>
      qualifies.has(index) ? advanceInTransaction(db, event) : { outcome: 'processed' as const, advanced: [], granted: [] },
    ),
  );
}

/** The upsert counts and grants in one statement (the payer's progress row is locked while it does), so concurrent payments never grant twice. */
async function advanceInTransaction(db: Db, event: PaymentSucceededEvent): Promise<PromotionOutcome> {
  const { paymentId, amount, paidAt, payer } = event.data;
  return db.$transaction(async (tx) => {
    const fresh = await tx.$queryRaw<unknown[]>`
      INSERT INTO processed_event (subscriber, event_id) VALUES ('promotion', ${event.eventId}) ON CONFLICT DO NOTHING RETURNING 1`;
    if (fresh.length === 0) return { outcome: 'duplicate', advanced: [], granted: [] };
    // A payment without a known payer cannot count toward anyone's progress.
    if (!payer) return { outcome: 'processed', advanced: [], granted: [] };
    const rows = await tx.$queryRaw<{ promotionId: string; grantedNow: boolean }[]>`
      INSERT INTO promotion_progress AS g (promotion_id, payer, count, granted_at, granted_payment_id)
      SELECT id, ${payer}, 1, CASE WHEN required_payments <= 1 THEN now() END,
        CASE WHEN required_payments <= 1 THEN ${paymentId}::uuid END
      FROM promotion
      WHERE starts_at <= ${new Date(paidAt)}::timestamptz AND ends_at > ${new Date(paidAt)}::timestamptz AND min_amount <= ${amount}
      ON CONFLICT (promotion_id, payer) DO UPDATE SET
        count = g.count + 1,
        granted_at = CASE WHEN g.granted_at IS NULL AND g.count + 1 >= (SELECT required_payments FROM promotion p WHERE p.id = g.promotion_id)
          THEN now() ELSE g.granted_at END,
        granted_payment_id = CASE WHEN g.granted_at IS NULL AND g.count + 1 >= (SELECT required_payments FROM promotion p WHERE p.id = g.promotion_id)
          THEN ${paymentId}::uuid ELSE g.granted_payment_id END
      RETURNING promotion_id::text AS "promotionId", granted_payment_id IS NOT DISTINCT FROM ${paymentId}::uuid AS "grantedNow"`;
    return {
      outcome: 'processed',
      advanced: rows.map((row) => row.promotionId),
      granted: rows.filter((row) => row.grantedNow).map((row) => row.promotionId),
    };
  });
}
