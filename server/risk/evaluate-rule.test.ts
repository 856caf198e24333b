import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ruleDefinitionSchema, type RiskRuleForEvaluation } from '@/contracts/risk-rules';
import { evaluateRule } from './evaluate-rule';
import type { RiskFacts } from './risk-facts';

const paidAt = new Date('2026-11-01T10:00:30Z');
const rule = (kind: string, params: object) => ({ id: 'r', name: 'r', action: 'alert', kind, params }) as RiskRuleForEvaluation;

/** A merchant whose only payment in the window is this one, with `amountTotal` paid since `firstPaidAt`. */
function factsOf(amount: number, profile: { firstPaidAt: Date; paymentCount: number; amountTotal: bigint }): RiskFacts {
  return {
    payment: { id: '0196b0c4-0000-7000-8000-000000000001', merchantId: 'm', amount, paidAt, payer: null, device: null },
    buckets: [{ start: new Date('2026-11-01T10:00:00Z'), count: 1, amount: BigInt(amount), samples: [] }],
    parties: [],
    profile,
  };
}

describe('risk thresholds in integer arithmetic', () => {
  // In floating point 1.15 × 100 is 114.99999999999999, so a window of exactly 115 fen would count as above
  // "1.15 × baseline". Exactly, 115 is not above 115.
  test('window_amount: a sum equal to multiplier × baseline is not above it, where floats say it is', () => {
    assert.ok(115 > 1.15 * 100, 'the float comparison this test guards against');
    const windowRule = rule('window_amount', {
      windowMinutes: 15,
      floor: 0,
      multiplier: 1.15,
      defaultBaseline: 100,
      minHistoryMinutes: 1_440,
    });
    const fresh = { firstPaidAt: paidAt, paymentCount: 1 };
    assert.equal(evaluateRule({ rule: windowRule, facts: factsOf(115, { ...fresh, amountTotal: 115n }) }), null);
    const hit = evaluateRule({ rule: windowRule, facts: factsOf(116, { ...fresh, amountTotal: 116n }) });
    assert.ok(hit);
    assert.equal(hit.evidence.threshold, 115);
    assert.equal(hit.evidence.baseline, 100);
  });

  test('single_outsized: the average is compared as the fraction it is, and shown rounded half up', () => {
    // Three earlier payments of 100 fen in all: an average of 33⅓ fen; 1.15 × 33⅓ = 38.333…
    const outsized = rule('single_outsized', { multiplier: 1.15, floor: 0, minHistoryPayments: 3 });
    const history = (amount: number) => ({
      firstPaidAt: new Date('2026-10-01T00:00:00Z'),
      paymentCount: 4,
      amountTotal: 100n + BigInt(amount),
    });
    assert.equal(evaluateRule({ rule: outsized, facts: factsOf(38, history(38)) }), null);
    const hit = evaluateRule({ rule: outsized, facts: factsOf(39, history(39)) });
    assert.ok(hit);
    assert.equal(hit.evidence.baseline, 33);
    assert.equal(hit.evidence.threshold, 38);
    // An average of 300/3 = 100 fen: floats put 1.15 × 100 just below 115, so they would flag a payment of 115.
    const even = (amount: number) => ({
      firstPaidAt: new Date('2026-10-01T00:00:00Z'),
      paymentCount: 4,
      amountTotal: 300n + BigInt(amount),
    });
    assert.equal(evaluateRule({ rule: outsized, facts: factsOf(115, even(115)) }), null);
    assert.ok(evaluateRule({ rule: outsized, facts: factsOf(116, even(116)) }));
  });

  test('window_amount over a long history: a baseline of a window per history length, compared exactly', () => {
    // 3 days of history before the window holding 2,592,000 fen: 9,000 fen per 15 minutes; × 1.001 = 9,009 exactly,
    // where floats give 9,008.999999999998 and would flag a window of 9,009.
    const windowRule = rule('window_amount', { windowMinutes: 15, floor: 0, multiplier: 1.001, defaultBaseline: 1, minHistoryMinutes: 60 });
    const windowStart = new Date('2026-11-01T09:46:00Z');
    const firstPaidAt = new Date(windowStart.getTime() - 3 * 86_400_000);
    const profile = (amount: number) => ({ firstPaidAt, paymentCount: 100, amountTotal: 2_592_000n + BigInt(amount) });
    assert.equal(evaluateRule({ rule: windowRule, facts: factsOf(9_009, profile(9_009)) }), null);
    const hit = evaluateRule({ rule: windowRule, facts: factsOf(9_010, profile(9_010)) });
    assert.ok(hit);
    assert.equal(hit.evidence.baseline, 9_000);
    assert.equal(hit.evidence.threshold, 9_009);
  });
});

test('a multiplier is held in thousandths, so one with more decimals is refused', () => {
  const params = { windowMinutes: 15, floor: 0, defaultBaseline: 1, minHistoryMinutes: 0 };
  assert.ok(ruleDefinitionSchema.safeParse({ kind: 'window_amount', params: { ...params, multiplier: 1.001 } }).success);
  const refused = ruleDefinitionSchema.safeParse({ kind: 'window_amount', params: { ...params, multiplier: 1.0005 } });
  assert.ok(!refused.success);
  assert.match(refused.error.issues[0].message, /at most three decimals/);
});
