import type { RiskRuleForEvaluation } from '@/contracts/risk-rules';
import { partyKey, windowStartOf, type RiskFacts } from './risk-facts';

export type RuleHit = { evidence: Record<string, unknown> };

const maxSamples = 5;

/**
 * Judges one payment against one rule. Pure: time is the payment's paidAt, never the wall clock, so replaying
 * history (tests, backtests) gives the answers the live engine gave.
 */
export function evaluateRule({ rule, facts }: { rule: RiskRuleForEvaluation; facts: RiskFacts }): RuleHit | null {
  const { payment, profile } = facts;
  switch (rule.kind) {
    case 'window_amount': {
      const { windowMinutes, floor, multiplier, defaultBaseline, minHistoryMinutes } = rule.params;
      const window = sumWindow(facts, windowMinutes);
      const historyMinutes = (window.start.getTime() - profile.firstPaidAt.getTime()) / 60_000;
      // Before the window, the merchant's average amount per window length; new merchants get the default.
      const ownBaseline = historyMinutes >= Math.max(minHistoryMinutes, 1);
      const baseline = ownBaseline ? ((profile.amountTotal - window.amount) / historyMinutes) * windowMinutes : defaultBaseline;
      const threshold = Math.max(floor, multiplier * baseline);
      if (window.amount <= threshold) return null;
      return hit(facts, window.samples, {
        windowMinutes,
        windowStart: window.start.toISOString(),
        windowSum: window.amount,
        count: window.count,
        baseline: Math.round(baseline),
        baselineSource: ownBaseline ? 'history' : 'default',
        multiplier,
        floor,
        threshold: Math.round(threshold),
      });
    }
    case 'velocity': {
      const { windowMinutes, maxCount } = rule.params;
      const window = sumWindow(facts, windowMinutes);
      if (window.count <= maxCount) return null;
      return hit(facts, window.samples, {
        windowMinutes,
        windowStart: window.start.toISOString(),
        count: window.count,
        windowSum: window.amount,
        threshold: maxCount,
      });
    }
    case 'single_outsized': {
      const { multiplier, floor, minHistoryPayments } = rule.params;
      const priorCount = profile.paymentCount - 1;
      if (priorCount < minHistoryPayments) return null;
      const baseline = (profile.amountTotal - payment.amount) / priorCount;
      const threshold = Math.max(floor, multiplier * baseline);
      if (payment.amount <= threshold) return null;
      return hit(facts, [], {
        amount: payment.amount,
        baseline: Math.round(baseline),
        baselineSource: 'history',
        priorPayments: priorCount,
        multiplier,
        floor,
        threshold: Math.round(threshold),
      });
    }
    case 'repeated_payer': {
      const { field, windowMinutes, maxCount } = rule.params;
      const value = payment[field];
      if (!value) return null;
      const key = partyKey(field, value);
      const start = windowStartOf(payment.paidAt, windowMinutes);
      const count = facts.parties.filter((row) => row.party === key && row.start >= start).reduce((sum, row) => sum + row.count, 0);
      if (count <= maxCount) return null;
      const window = sumWindow(facts, windowMinutes);
      return hit(facts, window.samples, {
        field,
        [field]: value,
        windowMinutes,
        windowStart: start.toISOString(),
        count,
        threshold: maxCount,
        windowSum: window.amount,
      });
    }
  }
}

function sumWindow(facts: RiskFacts, minutes: number) {
  const start = windowStartOf(facts.payment.paidAt, minutes);
  const inWindow = facts.buckets.filter((bucket) => bucket.start >= start && bucket.start <= facts.payment.paidAt);
  return {
    start,
    count: inWindow.reduce((sum, bucket) => sum + bucket.count, 0),
    amount: inWindow.reduce((sum, bucket) => sum + bucket.amount, 0),
    // Newest minutes first: the payments that pushed the window over are the interesting ones.
    samples: [...inWindow].sort((a, b) => b.start.getTime() - a.start.getTime()).flatMap((bucket) => bucket.samples),
  };
}

function hit(facts: RiskFacts, samples: string[], figures: Record<string, unknown>): RuleHit {
  const samplePaymentIds = [...new Set([facts.payment.id, ...samples])].slice(0, maxSamples);
  return { evidence: { ...figures, paymentId: facts.payment.id, paidAt: facts.payment.paidAt.toISOString(), samplePaymentIds } };
}
