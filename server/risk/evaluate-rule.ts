import type { RiskRuleForEvaluation } from '@/contracts/risk-rules';
import { exceedsThreshold, roundHalfUp, thresholdOf, type Fraction } from './risk-arithmetic';
import { minuteMs, partyKey, windowStartOf, type RiskFacts } from './risk-facts';

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
      const historyMs = BigInt(window.start.getTime() - profile.firstPaidAt.getTime());
      // Before the window, the merchant's average amount per window length; new merchants get the default.
      const ownBaseline = historyMs >= BigInt(Math.max(minHistoryMinutes, 1) * minuteMs);
      const baseline: Fraction = ownBaseline
        ? { numerator: (profile.amountTotal - window.amount) * BigInt(windowMinutes * minuteMs), denominator: historyMs }
        : { numerator: BigInt(defaultBaseline), denominator: 1n };
      const limits = { floor: BigInt(floor), multiplier, baseline };
      if (!exceedsThreshold({ amount: window.amount, ...limits })) return null;
      return hit(facts, window.samples, {
        windowMinutes,
        windowStart: window.start.toISOString(),
        windowSum: Number(window.amount),
        count: window.count,
        baseline: Number(roundHalfUp(baseline)),
        baselineSource: ownBaseline ? 'history' : 'default',
        multiplier,
        floor,
        threshold: thresholdOf(limits),
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
        windowSum: Number(window.amount),
        threshold: maxCount,
      });
    }
    case 'single_outsized': {
      const { multiplier, floor, minHistoryPayments } = rule.params;
      const priorCount = profile.paymentCount - 1;
      if (priorCount < minHistoryPayments) return null;
      // The merchant's average payment before this one, kept as the fraction it is.
      const baseline: Fraction = { numerator: profile.amountTotal - BigInt(payment.amount), denominator: BigInt(priorCount) };
      const limits = { floor: BigInt(floor), multiplier, baseline };
      if (!exceedsThreshold({ amount: BigInt(payment.amount), ...limits })) return null;
      return hit(facts, [], {
        amount: payment.amount,
        baseline: Number(roundHalfUp(baseline)),
        baselineSource: 'history',
        priorPayments: priorCount,
        multiplier,
        floor,
        threshold: thresholdOf(limits),
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
        windowSum: Number(window.amount),
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
    amount: inWindow.reduce((sum, bucket) => sum + bucket.amount, 0n),
    // Newest minutes first: the payments that pushed the window over are the interesting ones.
    samples: [...inWindow].sort((a, b) => b.start.getTime() - a.start.getTime()).flatMap((bucket) => bucket.samples),
  };
}

function hit(facts: RiskFacts, samples: string[], figures: Record<string, unknown>): RuleHit {
  const samplePaymentIds = [...new Set([facts.payment.id, ...samples])].slice(0, maxSamples);
  return { evidence: { ...figures, paymentId: facts.payment.id, paidAt: facts.payment.paidAt.toISOString(), samplePaymentIds } };
}
