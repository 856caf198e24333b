import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { POST as decideRoute } from '@/app/api/risk/alerts/[id]/decision/route';
import { GET as getAlertRoute } from '@/app/api/risk/alerts/[id]/route';
import { GET as listAlertsRoute } from '@/app/api/risk/alerts/route';
import { POST as backtestRoute } from '@/app/api/risk/backtest/route';
import { POST as disableRoute } from '@/app/api/risk/rules/[id]/disable/route';
import { POST as enableRoute } from '@/app/api/risk/rules/[id]/enable/route';
import { PATCH as updateRuleRoute } from '@/app/api/risk/rules/[id]/route';
import { GET as listRulesRoute, POST as createRuleRoute } from '@/app/api/risk/rules/route';
import { makeMerchant, makePayment, outTradeNo } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { paymentEvent } from '@/tests/helpers/payment-events';
import { processRiskEvent } from '@/tests/helpers/process-risk-event';
import { makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const app = useApp(keys.env);
const missing = '00000000-0000-7000-8000-000000000000';
const alertOnly = { enabled: false, minSignals: 2, signalWindowMinutes: 60, maxPerHour: 3, unblockGraceMinutes: 0 };
const velocityRule = { name: 'velocity-probe', kind: 'velocity', params: { windowMinutes: 5, maxCount: 2 }, action: 'alert' };

/** Opens a velocity alert for a fresh merchant (three payments in a minute against a limit of two). */
async function openAlert(ruleName: string) {
  const merchant = await makeMerchant(app.db);
  const at = Date.parse('2026-02-01T10:00:00Z');
  let last;
  for (let i = 0; i < 3; i++)
    last = await processRiskEvent({
      db: app.db,
      boss: app.boss,
      event: paymentEvent({ merchantId: merchant.id, amount: 100, paidAt: new Date(at + i * 1000) }),
      policy: alertOnly,
    });
  const rule = await app.db.riskRule.findUniqueOrThrow({ where: { name: ruleName } });
  const alert = last!.alerts.find((a) => a.ruleId === rule.id);
  assert.ok(alert);
  return { merchant, alertId: alert.alertId };
}

const listUrl = (query: string) => ({ url: `http://localhost/api/risk/alerts?${query}` });

describe('risk rules API', () => {
  test('the default rules are seeded, and rules can be created, updated, disabled and enabled', async () => {
    const listed = await callRoute(listRulesRoute);
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.json.items.map((r: { name: string }) => r.name).sort(), [
      'repeated-payer-60m',
      'single-outsized',
      'velocity-5m',
      'window-amount-15m',
    ]);
    const created = await callRoute(createRuleRoute, { body: velocityRule });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.enabled, true);
    const updated = await callRoute(updateRuleRoute, {
      params: { id: created.json.id },
      body: { params: { windowMinutes: 10, maxCount: 2 }, action: 'block' },
    });
    assert.equal(updated.status, 200, updated.text);
    assert.deepEqual([updated.json.params.windowMinutes, updated.json.action], [10, 'block']);
    assert.equal((await callRoute(disableRoute, { params: { id: created.json.id } })).json.enabled, false);
    assert.equal((await callRoute(enableRoute, { params: { id: created.json.id } })).json.enabled, true);
    await callRoute(updateRuleRoute, {
      params: { id: created.json.id },
      body: { action: 'alert', params: { windowMinutes: 5, maxCount: 2 } },
    });
  });

  test('bad rule input is refused with a clear 4xx and nothing changes', async () => {
    const before = await app.db.riskRule.findMany({ orderBy: { name: 'asc' } });
    const stored = before.find((rule) => rule.name === 'velocity-5m')!;
    const creates: [unknown, number][] = [
      [{ ...velocityRule, name: 'x1', kind: 'nonsense' }, 422],
      [{ ...velocityRule, name: 'x2', params: { windowMinutes: 0, maxCount: 2 } }, 422],
      [{ ...velocityRule, name: 'x3', params: { windowMinutes: 5 } }, 422],
      [{ ...velocityRule, name: 'x4', params: { windowMinutes: 5, maxCount: 2, floor: 1 } }, 422],
      [{ ...velocityRule, name: 'x5', kind: 'window_amount' }, 422],
      [{ ...velocityRule, name: 'x6', action: 'explode' }, 422],
      [{ ...velocityRule, name: 'Bad Name!' }, 422],
      [{ ...velocityRule, name: 'velocity-5m' }, 409],
    ];
    for (const [body, status] of creates) {
      const response = await callRoute(createRuleRoute, { body });
      assert.equal(response.status, status, `${JSON.stringify(body)} → ${response.text}`);
      assert.ok(response.json.error.message.length > 5);
    }
    const updates: [string, unknown, number][] = [
      [stored.id, { params: { windowMinutes: 5, maxCount: -1 } }, 422],
      [stored.id, { params: { field: 'payer', windowMinutes: 5, maxCount: 3 } }, 422],
      [stored.id, {}, 422],
      [stored.id, { kind: 'window_amount' }, 422],
      [stored.id, { name: 'single-outsized' }, 409],
      [missing, { enabled: false }, 404],
      ['nope', { enabled: false }, 404],
    ];
    for (const [id, body, status] of updates) {
      const response = await callRoute(updateRuleRoute, { params: { id }, body });
      assert.equal(response.status, status, `${JSON.stringify(body)} → ${response.text}`);
    }
    assert.equal((await callRoute(enableRoute, { params: { id: missing } })).status, 404);
    assert.equal((await callRoute(createRuleRoute, { rawBody: '{', method: 'POST' })).status, 400);
    assert.equal((await callRoute(listRulesRoute, { token: null })).status, 401);
    const merchant = await makeMerchant(app.db);
    assert.equal(
      (await callRoute(createRuleRoute, { token: merchant.apiKey, body: { ...velocityRule, name: 'by-merchant' } })).status,
      403,
    );
    assert.deepEqual(await app.db.riskRule.findMany({ orderBy: { name: 'asc' } }), before);
  });
});

describe('risk alerts API', () => {
  test('lists alerts newest first with filters and keyset pagination, intake alerts included', async () => {
    // An intake alert: a verified notification for a payment we never created.
    const signed = wechatPaidCallback(keys, { providerTradeNo: outTradeNo(), amount: 500 });
    const refused = await callRoute(callbackRoute, {
      token: null,
      method: 'POST',
      rawBody: signed.rawBody,
      headers: signed.headers,
      params: { provider: 'wechatpay' },
    });
    assert.ok(refused.status >= 400);
    const first = await openAlert('velocity-probe');
    const second = await openAlert('velocity-probe');
    const all = await callRoute(listAlertsRoute, listUrl('limit=200'));
    assert.equal(all.status, 200, all.text);
    const ids = all.json.items.map((a: { id: string }) => a.id);
    assert.ok(ids.indexOf(second.alertId) < ids.indexOf(first.alertId), 'newest first');
    assert.ok(all.json.items.some((a: { kind: string; ruleId: string | null }) => a.kind === 'unknown_payment' && a.ruleId === null));
    const byMerchant = await callRoute(listAlertsRoute, listUrl(`merchantId=${first.merchant.id}`));
    assert.deepEqual(
      byMerchant.json.items.map((a: { id: string }) => a.id),
      [first.alertId],
    );
    const evidence = byMerchant.json.items[0].evidence;
    for (const field of ['count', 'threshold', 'windowSum', 'samplePaymentIds']) assert.ok(field in evidence, field);
    const page1 = await callRoute(listAlertsRoute, listUrl('status=open&limit=1'));
    const page2 = await callRoute(listAlertsRoute, listUrl(`status=open&limit=1&cursor=${page1.json.nextCursor}`));
    assert.notEqual(page1.json.items[0].id, page2.json.items[0].id);
    assert.equal((await callRoute(listAlertsRoute, listUrl('kind=unknown_payment'))).json.items.length, 1);
    for (const bad of ['status=closed', 'limit=0', 'limit=abc', 'merchantId=1', 'since=yesterday', 'cursor=garbage']) {
      const response = await callRoute(listAlertsRoute, listUrl(bad));
      assert.equal(response.status, 422, `${bad} → ${response.text}`);
    }
    assert.equal((await callRoute(listAlertsRoute, { token: null })).status, 401);
    assert.equal((await callRoute(getAlertRoute, { params: { id: missing } })).status, 404);
  });

  test('an analyst acknowledges, dismisses or blocks, with actor, time and reason; blocked blocks the merchant', async () => {
    const watched = await openAlert('velocity-probe');
    const acknowledged = await callRoute(decideRoute, {
      params: { id: watched.alertId },
      body: { decision: 'acknowledged', reason: 'watching this one' },
    });
    assert.equal(acknowledged.status, 200, acknowledged.text);
    assert.deepEqual(
      [acknowledged.json.status, acknowledged.json.decidedBy, acknowledged.json.decisionReason],
      ['acknowledged', 'token:admin', 'watching this one'],
    );
    assert.ok(acknowledged.json.decidedAt);
    const blocked = await callRoute(decideRoute, {
      params: { id: watched.alertId },
      body: { decision: 'blocked', reason: 'confirmed fake orders' },
    });
    assert.equal(blocked.json.status, 'blocked');
    assert.equal((await app.db.merchant.findUniqueOrThrow({ where: { id: watched.merchant.id } })).status, 'blocked');
    const [audit] = await app.db.merchantBlockEvent.findMany({ where: { merchantId: watched.merchant.id } });
    assert.deepEqual([audit.alertId, audit.reason, audit.actor], [watched.alertId, 'confirmed fake orders', 'token:admin']);
    const refused = await callRoute(createPaymentRoute, {
      body: { merchantId: watched.merchant.id, outTradeNo: outTradeNo(), amount: 100, currency: 'CNY', provider: 'sandbox' },
    });
    assert.equal(refused.status, 403);
    const again = await callRoute(decideRoute, {
      params: { id: watched.alertId },
      body: { decision: 'dismissed', reason: 'changed my mind' },
    });
    assert.equal(again.status, 409);

    const noise = await openAlert('velocity-probe');
    const dismissed = await callRoute(decideRoute, {
      params: { id: noise.alertId },
      body: { decision: 'dismissed', reason: 'school trip, genuine' },
    });
    assert.equal(dismissed.json.status, 'dismissed');
    assert.equal((await app.db.merchant.findUniqueOrThrow({ where: { id: noise.merchant.id } })).status, 'active');

    const fresh = await openAlert('velocity-probe');
    for (const [body, status] of [
      [{ decision: 'blocked' }, 422],
      [{ decision: 'closed', reason: 'whatever' }, 422],
      [{ decision: 'dismissed', reason: 'x' }, 422],
      [{ decision: 'dismissed', reason: 'fine', extra: 1 }, 422],
      // Who decided is the caller, never a name in the body.
      [{ decision: 'dismissed', reason: 'fine', analyst: 'mei' }, 422],
    ] as const) {
      assert.equal((await callRoute(decideRoute, { params: { id: fresh.alertId }, body })).status, status);
    }
    assert.equal((await callRoute(decideRoute, { params: { id: missing }, body: { decision: 'dismissed', reason: 'gone' } })).status, 404);
    assert.equal((await app.db.riskAlert.findUniqueOrThrow({ where: { id: fresh.alertId } })).status, 'open');
  });
});

describe('backtest', () => {
  async function tableDigest() {
    const tables = [
      'risk_alert',
      'risk_rule',
      'merchant',
      'merchant_block_event',
      'merchant_risk_bucket',
      'merchant_risk_profile',
      'merchant_risk_party_bucket',
      'processed_event',
      'payment',
      'campaign',
      'promotion_progress',
      'pgboss.job',
    ];
    const digests: Record<string, string> = {};
    for (const table of tables) {
      const [row] = await app.db.$queryRawUnsafe<{ digest: string | null }[]>(
        `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS digest FROM ${table} t`,
      );
      digests[table] = row.digest ?? 'empty';
    }
    return digests;
  }

  async function paidAt(merchantId: string, amount: number, at: Date) {
    const payment = await makePayment(app.db, { merchantId, amount });
    const [{ id: attemptId }] = payment.attempts;
    await app.db.paymentAttempt.update({
      where: { id: attemptId },
      data: { status: 'succeeded', providerTransactionId: `4200${payment.id.replaceAll('-', '')}`, paidAt: at },
    });
    await app.db.payment.update({
      where: { id: payment.id },
      data: { status: 'succeeded', paidAttemptId: attemptId, paidAt: at, payer: `p-${payment.id.slice(-6)}` },
    });
    return payment.id;
  }

  test('replays a stored or proposed rule over past payments, reports the alerts, and changes no row', async () => {
    const steady = await makeMerchant(app.db);
    const spiky = await makeMerchant(app.db);
    const start = Date.parse('2026-01-05T08:00:00Z');
    for (let i = 0; i < 120; i++) {
      await paidAt(steady.id, 1_000, new Date(start + i * 60_000));
      await paidAt(spiky.id, 1_000, new Date(start + i * 60_000 + 500));
    }
    let crossing = '';
    for (let i = 0; i < 5; i++) {
      const id = await paidAt(spiky.id, 30_000, new Date(start + (120 + i) * 60_000 + 500));
      if (i === 1) crossing = id;
    }
    const rule = {
      kind: 'window_amount',
      params: { windowMinutes: 15, floor: 10_000, multiplier: 3, defaultBaseline: 100_000, minHistoryMinutes: 30 },
    };
    const before = await tableDigest();
    const response = await callRoute(backtestRoute, {
      body: { rule, from: new Date(start + 60 * 60_000).toISOString(), to: new Date(start + 130 * 60_000).toISOString() },
    });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.json.paymentsEvaluated, 2 * 60 + 5);
    assert.deepEqual(
      response.json.alerts.map((a: { merchantId: string }) => a.merchantId),
      [spiky.id],
    );
    const [alert] = response.json.alerts;
    // Threshold 3 × ¥150 = ¥450: the first ¥300 makes ¥440 (under), the second ¥710 (over).
    assert.equal(alert.paymentId, crossing);
    assert.equal(alert.hitCount, 4);
    assert.ok(Math.abs(alert.evidence.threshold - 45_000) < 100, String(alert.evidence.threshold));
    assert.equal(alert.evidence.baselineSource, 'history');
    const stored = await app.db.riskRule.findUniqueOrThrow({ where: { name: 'velocity-5m' } });
    const byId = await callRoute(backtestRoute, {
      body: { ruleId: stored.id, from: new Date(start).toISOString(), to: new Date(start + 130 * 60_000).toISOString() },
    });
    assert.equal(byId.status, 200, byId.text);
    assert.deepEqual(byId.json.alerts, []);
    assert.deepEqual(await tableDigest(), before, 'no row changed');
  });

  test('bad backtest input is refused with a clear 4xx', async () => {
    const range = { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' };
    const rule = { kind: 'velocity', params: { windowMinutes: 5, maxCount: 2 } };
    const cases: [unknown, number][] = [
      [{ ...range }, 422],
      [{ ...range, rule, ruleId: missing }, 422],
      [{ ...range, ruleId: missing }, 404],
      [{ rule, from: range.to, to: range.from }, 422],
      [{ rule, from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 422],
      [{ rule: { kind: 'velocity', params: {} }, ...range }, 422],
      [{ rule, from: 'last week', to: range.to }, 422],
    ];
    for (const [body, status] of cases) {
      const response = await callRoute(backtestRoute, { body });
      assert.equal(response.status, status, `${JSON.stringify(body)} → ${response.text}`);
    }
    assert.equal((await callRoute(backtestRoute, { token: null, body: { rule, ...range } })).status, 401);
  });
});
