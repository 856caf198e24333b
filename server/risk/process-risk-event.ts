import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import type { PaymentSucceededEvent } from '@/server/events/payment-succeeded-event-schema';
import { autoBlockMerchant, type AutoBlockDecision } from './auto-block-merchant';
import type { AutoBlockPolicy } from './auto-block-policy';
import { evaluateRule } from './evaluate-rule';
import { openRiskAlert } from './open-risk-alert';
import { readRiskFacts } from './read-risk-facts';
import { recordRiskEvent } from './record-risk-event';

type ProcessRiskEvent = { db: Db; boss: PgBoss; event: PaymentSucceededEvent; policy: AutoBlockPolicy };

export type RiskOutcome = {
  outcome: 'duplicate' | 'processed';
  alerts: { alertId: string; ruleId: string; opened: boolean }[];
  autoBlock?: AutoBlockDecision;
};

/**
 * The risk subscriber's work for one `payment.succeeded` event, in one transaction: mark the event processed,
 * update the aggregates, evaluate every enabled rule, open or fold alerts, and auto-block when the policy allows.
 * A crash anywhere leaves nothing behind, and the retried job does it all again; a duplicate does nothing.
 */
export async function processRiskEvent({ db, boss, event, policy }: ProcessRiskEvent): Promise<RiskOutcome> {
  const { data } = event;
  const payment = { id: data.paymentId, merchantId: data.merchantId, amount: data.amount, paidAt: new Date(data.paidAt), payer: data.payer, device: data.device };
  return db.$transaction(
    async (tx) => {
      if (!(await recordRiskEvent({ tx, eventId: event.eventId, payment }))) return { outcome: 'duplicate', alerts: [] };
      const { facts, rules, merchantStatus } = await readRiskFacts({ tx, payment });
      // A blocked merchant's late-settling payments are already flagged by intake; alerting on them again is noise.
      if (merchantStatus !== 'active') return { outcome: 'processed', alerts: [] };
      const hits = rules.flatMap((rule) => {
        const hit = evaluateRule({ rule, facts });
        return hit ? [{ rule, hit }] : [];
      });
      const alerts = [];
      for (const { rule, hit } of hits) alerts.push(await openRiskAlert({ tx, merchantId: payment.merchantId, paymentId: payment.id, paidAt: payment.paidAt, rule, hit }));
      const blocking = alerts.find((alert) => alert.action === 'block');
      if (!blocking) return { outcome: 'processed', alerts };
      const ruleName = hits.find(({ rule }) => rule.id === blocking.ruleId)?.rule.name ?? blocking.ruleId;
      const autoBlock = await autoBlockMerchant({ db, tx, boss, merchantId: payment.merchantId, alertId: blocking.alertId, ruleName, paidAt: payment.paidAt, policy });
      if (!autoBlock.blocked) {
        // Why the engine held back is evidence for the analyst who now decides.
        await tx.$executeRaw`UPDATE risk_alert SET evidence = evidence || jsonb_build_object('autoBlock', ${JSON.stringify(autoBlock)}::jsonb)
          WHERE id = ${blocking.alertId}::uuid`;
      }
      return { outcome: 'processed', alerts, autoBlock };
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
}
