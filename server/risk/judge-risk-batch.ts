import { evaluateRule, type RuleHit } from './evaluate-rule';
import type { RiskFacts } from './risk-facts';
import { createRiskState, type RiskStateRows } from './risk-state';
import type { RiskRuleForEvaluation } from '@/contracts/risk-rules';

type Payment = RiskFacts['payment'];

type JudgeRiskBatch = {
  payments: Payment[];
  rules: RiskRuleForEvaluation[];
  windowMinutes: number;
  /** The aggregates with every payment of the batch already counted. */
  aggregates: RiskStateRows;
  statuses: Map<string, string>;
};

export type JudgedPayment = { payment: Payment; hits: { rule: RiskRuleForEvaluation; hit: RuleHit }[] };

/**
 * Judges a batch of payments as if they had come one by one in time order: starting from the aggregates with
 * the whole batch counted, it steps back from the latest payment, judging each before taking it out, so every
 * payment sees exactly what came before it and the alert names the payment that crossed the threshold.
 * Payments of a merchant that is not active raise nothing: intake already flags a blocked merchant's late ones.
 */
export function judgeRiskBatch({ payments, rules, windowMinutes, aggregates, statuses }: JudgeRiskBatch): JudgedPayment[] {
  const ordered = [...payments].sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const state = createRiskState({ windowMinutes });
  state.load(aggregates);
  const judged: JudgedPayment[] = [];
  for (let i = ordered.length - 1; i >= 0; i--) {
    const payment = ordered[i];
    const active = statuses.get(payment.merchantId) === 'active';
    const facts = active ? state.factsOf(payment) : null;
    const hits = facts
      ? rules.flatMap((rule) => {
          const hit = evaluateRule({ rule, facts });
          return hit ? [{ rule, hit }] : [];
        })
      : [];
    judged[i] = { payment, hits };
    state.remove(payment);
  }
  return judged;
}
