import { adminTokenPrincipal } from '@/lib/auth/principal';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeMerchant } from '@/prisma/seed/factories';
import type { AutoBlockPolicy } from '@/server/risk/auto-block-policy';
import { processRiskEvents } from '@/server/risk/process-risk-events';
import { updateRiskRule } from '@/server/risk/update-risk-rule';
import { paymentEvent } from '@/tests/helpers/payment-events';
import { processRiskEvent } from '@/tests/helpers/process-risk-event';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();
const alertOnly: AutoBlockPolicy = { enabled: false, minSignals: 2, signalWindowMinutes: 60, maxPerHour: 3, unblockGraceMinutes: 1440 };
const dayStart = new Date('2026-03-02T00:00:00Z');
const minute = 60_000;

// A merchant's own baseline takes over after an hour of history; the floor is low so the baseline is what matters.
const windowParams = { windowMinutes: 15, floor: 100_000, multiplier: 3, defaultBaseline: 300_000, minHistoryMinutes: 60 };

async function tuneRules() {
  const rules = await app.db.riskRule.findMany();
  const byName = new Map(rules.map((rule) => [rule.name, rule]));
  await updateRiskRule({
    db: app.db,
    principal: adminTokenPrincipal,
    ruleId: byName.get('window-amount-15m')!.id,
    changes: { params: windowParams, action: 'alert' },
  });
  return byName;
}

const process = (event: ReturnType<typeof paymentEvent>) => processRiskEvent({ db: app.db, boss: app.boss, event, policy: alertOnly });
const processBatch = (events: ReturnType<typeof paymentEvent>[]) =>
  processRiskEvents({ db: app.db, boss: app.boss, events, policy: alertOnly });

/** One payment a minute for `minutes`, around ¥100 (±30%), each from a different shopper. */
async function steadyTraffic(merchantId: string, from: Date, minutes: number) {
  for (let i = 0; i < minutes; i++) {
    const amount = 10_000 + Math.round(Math.sin(i / 7) * 3_000);
    const result = await process(paymentEvent({ merchantId, amount, paidAt: new Date(from.getTime() + i * minute + 17_000) }));
    assert.deepEqual(result.alerts, [], `steady payment ${i} raised ${JSON.stringify(result.alerts)}`);
  }
}

describe('risk engine', () => {
  test('a steady merchant raises nothing over a long simulated day', { timeout: 110_000 }, async () => {
    await tuneRules();
    const merchant = await makeMerchant(app.db);
    await steadyTraffic(merchant.id, dayStart, 24 * 60);
    assert.equal(await app.db.riskAlert.count({ where: { merchantId: merchant.id } }), 0);
    const profile = await app.db.merchantRiskProfile.findUniqueOrThrow({ where: { merchantId: merchant.id } });
    assert.equal(profile.paymentCount, 1440);
    // Aggregates are minute buckets updated by upsert: one row per minute with a payment, never a scan.
    assert.equal(await app.db.merchantRiskBucket.count({ where: { merchantId: merchant.id } }), 1440);
  });

  test('a 10× spike raises one alert, on the payment that crosses the threshold, with its evidence', async () => {
    const rules = await tuneRules();
    const merchant = await makeMerchant(app.db);
    await steadyTraffic(merchant.id, dayStart, 180);
    const spikeStart = new Date(dayStart.getTime() + 180 * minute);
    let crossing: { paymentId: string; index: number } | undefined;
    for (let i = 0; i < 10; i++) {
      const event = paymentEvent({ merchantId: merchant.id, amount: 100_000, paidAt: new Date(spikeStart.getTime() + i * minute + 5_000) });
      const result = await process(event);
      const opened = result.alerts.filter((alert) => alert.opened);
      if (!crossing && result.alerts.length > 0) {
        crossing = { paymentId: event.data.paymentId, index: i };
        assert.equal(opened.length, 1);
      } else {
        assert.equal(opened.length, 0, 'later hits fold into the open alert');
      }
    }
    assert.ok(crossing, 'the spike raised an alert');
    const alerts = await app.db.riskAlert.findMany({ where: { merchantId: merchant.id } });
    assert.equal(alerts.length, 1);
    const [alert] = alerts;
    assert.equal(alert.ruleId, rules.get('window-amount-15m')!.id);
    assert.equal(alert.paymentId, crossing.paymentId);
    assert.equal(alert.status, 'open');
    assert.equal(alert.hitCount, 10 - crossing.index);
    const evidence = alert.evidence as Record<string, any>;
    assert.equal(evidence.baselineSource, 'history');
    assert.ok(evidence.windowSum > evidence.threshold);
    assert.ok(evidence.windowSum - 100_000 <= evidence.threshold, 'the payment before it stayed under the threshold');
    assert.ok(Math.abs(evidence.baseline - 150_000) < 20_000, `baseline ≈ 15 min of ¥100/min, got ${evidence.baseline}`);
    assert.equal(evidence.threshold, Math.max(windowParams.floor, Math.round(windowParams.multiplier * evidence.baseline)));
    assert.ok(evidence.count > 0);
    assert.equal(evidence.samplePaymentIds[0], crossing.paymentId);
    assert.ok(evidence.samplePaymentIds.length >= 2);
  });

  test('a new merchant is judged against the default baseline', async () => {
    await tuneRules();
    const merchant = await makeMerchant(app.db);
    const at = new Date(dayStart.getTime() + 3 * 3_600_000);
    const under = await process(paymentEvent({ merchantId: merchant.id, amount: 800_000, paidAt: at }));
    assert.deepEqual(under.alerts, [], '¥8,000 is under 3 × the ¥3,000 default baseline');
    const over = await process(paymentEvent({ merchantId: merchant.id, amount: 200_000, paidAt: new Date(at.getTime() + minute) }));
    assert.equal(over.alerts.length, 1);
    const alert = await app.db.riskAlert.findUniqueOrThrow({ where: { id: over.alerts[0].alertId } });
    assert.equal((alert.evidence as any).baselineSource, 'default');
    assert.equal((alert.evidence as any).threshold, 900_000);
  });

  test('velocity, an outsized single payment and a repeated payer each raise their alert', async () => {
    const rules = await tuneRules();
    await updateRiskRule({
      db: app.db,
      principal: adminTokenPrincipal,
      ruleId: rules.get('velocity-5m')!.id,
      changes: { params: { windowMinutes: 5, maxCount: 20 } },
    });
    await updateRiskRule({
      db: app.db,
      principal: adminTokenPrincipal,
      ruleId: rules.get('repeated-payer-60m')!.id,
      changes: { params: { field: 'payer', windowMinutes: 60, maxCount: 5 } },
    });
    const merchant = await makeMerchant(app.db);
    const at = dayStart.getTime() + 5 * 3_600_000;
    // 60 small payments over an hour: history for the outsized rule, nothing else.
    for (let i = 0; i < 60; i++) await process(paymentEvent({ merchantId: merchant.id, amount: 1_000, paidAt: new Date(at + i * minute) }));
    const outsized = await process(paymentEvent({ merchantId: merchant.id, amount: 250_000, paidAt: new Date(at + 61 * minute) }));
    assert.deepEqual(
      outsized.alerts.map((a) => a.ruleId),
      [rules.get('single-outsized')!.id],
    );
    for (let i = 0; i < 6; i++)
      await process(
        paymentEvent({ merchantId: merchant.id, amount: 1_000, payer: 'same-shopper', paidAt: new Date(at + 62 * minute + i * 1000) }),
      );
    const burst = [];
    for (let i = 0; i < 21; i++)
      burst.push(await process(paymentEvent({ merchantId: merchant.id, amount: 1_000, paidAt: new Date(at + 63 * minute + i * 1000) })));
    const kinds = await app.db.riskAlert.findMany({ where: { merchantId: merchant.id }, select: { kind: true, evidence: true } });
    assert.deepEqual(kinds.map((a) => a.kind).sort(), ['repeated_payer', 'single_outsized', 'velocity']);
    const repeated = kinds.find((a) => a.kind === 'repeated_payer')!.evidence as any;
    assert.equal(repeated.payer, 'same-shopper');
    assert.equal(repeated.count, 6);
    assert.equal((kinds.find((a) => a.kind === 'velocity')!.evidence as any).count, 21);
  });

  test('a duplicated event changes nothing, even when the copies arrive at once', async () => {
    await tuneRules();
    const merchant = await makeMerchant(app.db);
    const event = paymentEvent({ merchantId: merchant.id, amount: 5_000, paidAt: new Date(dayStart.getTime() + 7 * 3_600_000) });
    const results = await Promise.all(Array.from({ length: 8 }, () => process(event)));
    assert.deepEqual(results.map((r) => r.outcome).sort(), [
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'processed',
    ]);
    assert.equal((await process(event)).outcome, 'duplicate');
    const bucket = await app.db.merchantRiskBucket.findFirstOrThrow({ where: { merchantId: merchant.id } });
    assert.equal(bucket.count, 1);
    assert.equal(bucket.amount, 5_000n);
    const profile = await app.db.merchantRiskProfile.findUniqueOrThrow({ where: { merchantId: merchant.id } });
    assert.equal(profile.paymentCount, 1);
    assert.equal(await app.db.processedEvent.count({ where: { subscriber: 'risk', eventId: event.eventId } }), 1);
  });

  test('concurrent distinct events of one merchant are all counted', async () => {
    await tuneRules();
    const merchant = await makeMerchant(app.db);
    const at = new Date(dayStart.getTime() + 9 * 3_600_000);
    const events = Array.from({ length: 40 }, () => paymentEvent({ merchantId: merchant.id, amount: 1_000, paidAt: at }));
    await Promise.all(events.map(process));
    const bucket = await app.db.merchantRiskBucket.findFirstOrThrow({ where: { merchantId: merchant.id } });
    assert.equal(bucket.count, 40);
    assert.equal(bucket.amount, 40_000n);
  });

  test('a batch judges its payments as one by one in time order: same alerts, same crossing payment, same counts', async () => {
    const rules = await tuneRules();
    await updateRiskRule({
      db: app.db,
      principal: adminTokenPrincipal,
      ruleId: rules.get('repeated-payer-60m')!.id,
      changes: { params: { field: 'payer', windowMinutes: 60, maxCount: 5 } },
    });
    const alone = await makeMerchant(app.db);
    const batched = await makeMerchant(app.db);
    const from = dayStart.getTime() + 11 * 3_600_000;
    // Two hours of steady traffic, then a spike with a repeated shopper, several payments per minute.
    const script = [
      ...Array.from({ length: 120 }, (_, i) => ({ amount: 10_000, payer: null, at: from + i * minute + 3_000 })),
      ...Array.from({ length: 30 }, (_, i) => ({
        amount: 60_000,
        payer: i % 3 === 0 ? 'same-shopper' : null,
        at: from + 120 * minute + i * 20_000,
      })),
    ];
    const eventsOf = (merchantId: string) =>
      script.map(({ amount, payer, at }) => paymentEvent({ merchantId, amount, payer, paidAt: new Date(at) }));
    const one = eventsOf(alone.id);
    for (const event of one) await process(event);
    const many = eventsOf(batched.id);
    // Batches as a subscriber fetches them: consecutive in time, out of order within, with a copy of an event inside.
    const outcomes = [];
    for (let i = 0; i < many.length; i += 40) {
      const batch = many.slice(i, i + 40).sort((a, b) => (a.eventId.slice(-6) < b.eventId.slice(-6) ? -1 : 1));
      outcomes.push(...(await processBatch([...batch, batch[0]])));
    }
    assert.equal(outcomes.filter((o) => o.outcome === 'duplicate').length, Math.ceil(many.length / 40));
    const summary = async (merchantId: string, events: typeof one) => {
      const alerts = await app.db.riskAlert.findMany({ where: { merchantId }, orderBy: { kind: 'asc' } });
      return alerts.map((alert) => {
        const evidence = alert.evidence as Record<string, unknown>;
        return {
          kind: alert.kind,
          crossing: events.findIndex((e) => e.data.paymentId === alert.paymentId),
          hitCount: alert.hitCount,
          windowSum: evidence.windowSum,
          count: evidence.count,
          threshold: evidence.threshold,
          baseline: evidence.baseline,
        };
      });
    };
    const expected = await summary(alone.id, one);
    assert.deepEqual(
      expected.map((a) => a.kind),
      ['repeated_payer', 'window_amount'],
    );
    assert.deepEqual(await summary(batched.id, many), expected);
    const profile = await app.db.merchantRiskProfile.findUniqueOrThrow({ where: { merchantId: batched.id } });
    assert.equal(profile.paymentCount, script.length);
  });

  test('concurrent batches of one merchant count every event once', async () => {
    await tuneRules();
    const merchant = await makeMerchant(app.db);
    const at = new Date(dayStart.getTime() + 15 * 3_600_000);
    const events = Array.from({ length: 60 }, () => paymentEvent({ merchantId: merchant.id, amount: 1_000, paidAt: at }));
    // Six batches at once; the last two repeat events of the first two.
    const batches = [0, 1, 2, 3].map((i) => events.slice(i * 15, i * 15 + 15));
    batches.push(events.slice(0, 5), events.slice(15, 20));
    const outcomes = (await Promise.all(batches.map(processBatch))).flat();
    assert.equal(outcomes.filter((o) => o.outcome === 'processed').length, 60);
    const bucket = await app.db.merchantRiskBucket.findFirstOrThrow({ where: { merchantId: merchant.id } });
    assert.equal(bucket.count, 60);
    assert.equal(bucket.amount, 60_000n);
  });
});
