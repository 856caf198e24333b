import { v7 as uuidv7 } from 'uuid';
import type { Db } from '@/lib/db/prisma';
import type { PaymentSucceededEvent } from '@/contracts/events';

type AccrueCampaignRewards = { db: Db; events: PaymentSucceededEvent[] };

export type CampaignOutcome = { outcome: 'duplicate' | 'processed'; rewarded: string[]; budgetExhausted: string[] };

/**
 * The campaign subscriber's work for a batch of payments: a reward from every running campaign a payment
 * qualifies for, exactly once per (campaign, payment), never past a budget. Most payments qualify for no
 * campaign (and sandbox test payments none), so one read sorts the batch and those need no transaction and write nothing (skipping the processed
 * mark is safe: a payment that changed nothing has nothing to apply twice). Returns one outcome per event.
 */
export async function accrueCampaignRewards({ db, events }: AccrueCampaignRewards): Promise<CampaignOutcome[]> {
  const data = events.map((event) => event.data);
  const qualifying = await db.$queryRaw<{ index: number }[]>`
    SELECT (e.ord - 1)::int AS index
    FROM unnest(${data.map((d) => d.merchantId)}::uuid[], ${data.map((d) => d.amount)}::int[], ${data.map((d) => d.currency)}::text[],
      ${data.map((d) => d.paidAt)}::timestamptz[]) WITH ORDINALITY AS e(merchant_id, amount, currency, paid_at, ord)
    WHERE EXISTS (SELECT 1 FROM campaign c WHERE c.merchant_ids @> ARRAY[e.merchant_id] AND c.starts_at <= e.paid_at
      AND c.ends_at > e.paid_at AND c.min_amount <= e.amount AND c.currency = e.currency)`;
  // Sandbox payments are test payments: they never earn a reward.
  const qualifies = new Set(qualifying.map((row) => row.index).filter((index) => events[index].data.provider !== 'sandbox'));
  return Promise.all(
    events.map((event, index) =>
      qualifies.has(index) ? accrueInTransaction(db, event) : { outcome: 'processed' as const, rewarded: [], budgetExhausted: [] },
    ),
  );
}

/**
 * The budget is charged by a conditional UPDATE, so concurrent payments queue on the campaign row and each
 * re-checks the budget the one before it left.
 */
async function accrueInTransaction(db: Db, event: PaymentSucceededEvent): Promise<CampaignOutcome> {
  const { paymentId, merchantId, amount, currency, paidAt } = event.data;
  return db.$transaction(async (tx) => {
    const fresh = await tx.$queryRaw<unknown[]>`
      INSERT INTO processed_event (subscriber, event_id) VALUES ('campaign', ${event.eventId}) ON CONFLICT DO NOTHING RETURNING 1`;
    if (fresh.length === 0) return { outcome: 'duplicate', rewarded: [], budgetExhausted: [] };
    // The GIN index on merchant_ids finds the merchant's campaigns; the rest filters a handful of rows.
    const campaigns = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM campaign
      WHERE merchant_ids @> ARRAY[${merchantId}::uuid] AND starts_at <= ${new Date(paidAt)}::timestamptz
        AND ends_at > ${new Date(paidAt)}::timestamptz AND min_amount <= ${amount} AND currency = ${currency}
        AND spent + reward_amount <= budget
      ORDER BY id`;
    const outcome: CampaignOutcome = { outcome: 'processed', rewarded: [], budgetExhausted: [] };
    for (const { id } of campaigns) {
      // The unique (campaign, payment) key makes the reward once-only even if one payment ever came twice.
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO campaign_reward (id, campaign_id, payment_id, amount)
        SELECT ${uuidv7()}::uuid, id, ${paymentId}::uuid, reward_amount FROM campaign WHERE id = ${id}::uuid
        ON CONFLICT (campaign_id, payment_id) DO NOTHING RETURNING id::text`;
      if (inserted.length === 0) continue;
      const charged = await tx.$executeRaw`
        UPDATE campaign SET spent = spent + reward_amount WHERE id = ${id}::uuid AND spent + reward_amount <= budget`;
      if (charged === 1) {
        outcome.rewarded.push(id);
      } else {
        await tx.$executeRaw`DELETE FROM campaign_reward WHERE id = ${inserted[0].id}::uuid`;
        outcome.budgetExhausted.push(id);
      }
    }
    return outcome;
  });
}
