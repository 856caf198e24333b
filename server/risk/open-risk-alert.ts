import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '@/lib/db/prisma';
import type { RuleHit } from './evaluate-rule';
import type { RiskRuleForEvaluation } from './rule-definition-schema';

type OpenRiskAlert = {
  tx: Tx;
  merchantId: string;
  paymentId: string;
  paidAt: Date;
  rule: RiskRuleForEvaluation;
  hit: RuleHit;
};

export function openKeyOf(merchantId: string, ruleId: string): string {
  return `${merchantId}:${ruleId}`;
}

/**
 * Opens the alert of a rule hit, or folds the hit into the merchant's live alert for that rule (one per
 * merchant and rule while open or acknowledged, by the unique open key). The opening hit's evidence is kept:
 * it names the payment that crossed the threshold; later hits count and move lastEventAt.
 */
export async function openRiskAlert({ tx, merchantId, paymentId, paidAt, rule, hit }: OpenRiskAlert) {
  const evidence = { rule: { name: rule.name, kind: rule.kind, action: rule.action, params: rule.params }, ...hit.evidence };
  const [row] = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
    INSERT INTO risk_alert (id, merchant_id, rule_id, kind, status, evidence, payment_id, opened_at, open_key, hit_count, first_event_at, last_event_at)
    VALUES (${uuidv7()}::uuid, ${merchantId}::uuid, ${rule.id}::uuid, ${rule.kind}, 'open', ${JSON.stringify(evidence)}::jsonb,
      ${paymentId}::uuid, now(), ${openKeyOf(merchantId, rule.id)}, 1, ${paidAt}::timestamptz, ${paidAt}::timestamptz)
    ON CONFLICT (open_key) DO UPDATE SET hit_count = risk_alert.hit_count + 1,
      last_event_at = GREATEST(risk_alert.last_event_at, excluded.last_event_at)
    RETURNING id::text, (xmax = 0) AS inserted`;
  return { alertId: row.id, opened: row.inserted, ruleId: rule.id, action: rule.action };
}
