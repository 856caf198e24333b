import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import type { PaymentSucceededEvent } from '@/contracts/events';
import { autoBlockMerchant, type AutoBlockDecision } from './auto-block-merchant';
import type { AutoBlockPolicy } from './auto-block-policy';
import { judgeRiskBatch } from './judge-risk-batch';
import { openRiskAlerts, type OpenedAlert } from './open-risk-alerts';
import { readRiskFacts } from './read-risk-facts';
import { recordRiskEvents } from './record-risk-events';

type ProcessRiskEvents = { db: Db; boss: PgBoss; events: PaymentSucceededEvent[]; policy: AutoBlockPolicy };

export type RiskOutcome = {
  outcome: 'duplicate' | 'processed';
  alerts: Omit<OpenedAlert, 'action'>[];
  autoBlock?: AutoBlockDecision;
};

/**
 * The risk subscriber's work for a batch of `payment.succeeded` events, in one transaction whatever the batch
 * size: mark the events processed and fold them into the aggregates (one statement), read what the rules need
 * (one), judge every payment in time order, open or fold the alerts (one), and auto-block where the policy
 * allows. A crash anywhere leaves nothing behind and the retried jobs do it all again; a duplicate does nothing.
 * Returns one outcome per event, in the order given.
 */
export async function processRiskEvents({ db, boss, events, policy }: ProcessRiskEvents): Promise<RiskOutcome[]> {
  const payments = new Map(
    events.map(({ eventId, data }) => [
      eventId,
      {
        id: data.paymentId,
        merchantId: data.merchantId,
        amount: data.amount,
        paidAt: new Date(data.paidAt),
        payer: data.payer,
        device: data.device,
      },
    ]),
  );
  return db.$transaction(
    async (tx) => {
      const fresh = await recordRiskEvents({ tx, events: [...payments].map(([eventId, payment]) => ({ eventId, payment })) });
      const counted = [...payments].filter(([eventId]) => fresh.has(eventId)).map(([, payment]) => payment);
      const alerts = new Map<string, OpenedAlert[]>();
      const autoBlocks = new Map<string, AutoBlockDecision>();
      if (counted.length > 0) {
        const { rules, windowMinutes, statuses, aggregates } = await readRiskFacts({ tx, payments: counted });
        const judged = judgeRiskBatch({ payments: counted, rules, windowMinutes, aggregates, statuses });
        for (const [paymentId, opened] of await openRiskAlerts({ tx, judged })) alerts.set(paymentId, opened);
        // A merchant's first blocking hit of the batch decides; its later hits were folded into the same alert.
        const blockingHits = new Map<string, { paymentId: string; paidAt: Date; alert: OpenedAlert; ruleName: string }>();
        for (const { payment, hits } of judged) {
          const alert = alerts.get(payment.id)?.find((opened) => opened.action === 'block');
          if (!alert || blockingHits.has(payment.merchantId)) continue;
          const ruleName = hits.find(({ rule }) => rule.id === alert.ruleId)?.rule.name ?? alert.ruleId;
          blockingHits.set(payment.merchantId, { paymentId: payment.id, paidAt: payment.paidAt, alert, ruleName });
        }
        for (const [merchantId, { paymentId, paidAt, alert, ruleName }] of blockingHits) {
          const decision = await autoBlockMerchant({ db, tx, boss, merchantId, alertId: alert.alertId, ruleName, paidAt, policy });
          if (!decision.blocked) {
            // Why the engine held back is evidence for the analyst who now decides.
            await tx.$executeRaw`UPDATE risk_alert SET evidence = evidence || jsonb_build_object('autoBlock', ${JSON.stringify(decision)}::jsonb)
              WHERE id = ${alert.alertId}::uuid`;
          }
          autoBlocks.set(paymentId, decision);
        }
      }
      const seen = new Set<string>();
      return events.map(({ eventId, data }): RiskOutcome => {
        const first = !seen.has(eventId);
        seen.add(eventId);
        if (!first || !fresh.has(eventId)) return { outcome: 'duplicate', alerts: [] };
        const opened = (alerts.get(data.paymentId) ?? []).map(({ alertId, ruleId, opened }) => ({ alertId, ruleId, opened }));
        const autoBlock = autoBlocks.get(data.paymentId);
        return { outcome: 'processed', alerts: opened, ...(autoBlock ? { autoBlock } : {}) };
      });
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
}
