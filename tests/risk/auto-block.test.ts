import { adminTokenPrincipal } from '@/lib/auth/principal';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { POST as blockRoute } from '@/app/api/merchants/[id]/block/route';
import { POST as unblockRoute } from '@/app/api/merchants/[id]/unblock/route';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { outTradeNo, makeMerchant, makePayment } from '@/prisma/seed/factories';
import { queues } from '@/lib/queue/queues';
import type { AutoBlockPolicy } from '@/server/risk/auto-block-policy';
import { updateRiskRule } from '@/server/risk/update-risk-rule';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { paymentEvent } from '@/tests/helpers/payment-events';
import { processRiskEvent } from '@/tests/helpers/process-risk-event';
import { makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { jobsIn } from '@/tests/helpers/queue-jobs';
import { useApp } from '@/tests/helpers/use-app';
import { useDeliveryWorker } from '@/tests/helpers/use-delivery-worker';

const keys = makeWechatpayKeys();
const app = useApp(keys.env);
const deliveryWorker = useDeliveryWorker(app);
const merchantServer = await startMerchantServer();
const policy: AutoBlockPolicy = { enabled: true, minSignals: 2, signalWindowMinutes: 60, maxPerHour: 2, unblockGraceMinutes: 1440 };
let clock = new Date('2026-04-01T08:00:00Z').getTime();

async function rules() {
  const all = await app.db.riskRule.findMany();
  return new Map(all.map((rule) => [rule.name, rule]));
}

app.onStart(async () => {
  const byName = await rules();
  // Blocks on ¥2,000 within 15 minutes of a new merchant; velocity (alert) fires past 5 payments in 5 minutes.
  await updateRiskRule({
    db: app.db,
    principal: adminTokenPrincipal,
    ruleId: byName.get('window-amount-15m')!.id,
    changes: {
      action: 'block',
      params: { windowMinutes: 15, floor: 200_000, multiplier: 1, defaultBaseline: 200_000, minHistoryMinutes: 1440 },
    },
  });
  await updateRiskRule({
    db: app.db,
    principal: adminTokenPrincipal,
    ruleId: byName.get('velocity-5m')!.id,
    changes: { params: { windowMinutes: 5, maxCount: 5 } },
  });
});

const feed = (merchantId: string, amount: number, options: { policy?: AutoBlockPolicy } = {}) => {
  clock += 1_000;
  return processRiskEvent({
    db: app.db,
    boss: app.boss,
    event: paymentEvent({ merchantId, amount, paidAt: new Date(clock) }),
    policy: options.policy ?? policy,
  });
};

describe('auto-block', () => {
  test('a block rule alone does not block: without a second agreeing rule the alert stays open for a person', async () => {
    const merchant = await makeMerchant(app.db);
    const result = await feed(merchant.id, 300_000);
    assert.equal(result.autoBlock?.blocked, false);
    assert.match(result.autoBlock!.reason, /1 of the 2 agreeing rules/);
    assert.equal((await app.db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).status, 'active');
    const alert = await app.db.riskAlert.findUniqueOrThrow({ where: { id: result.alerts[0].alertId } });
    assert.equal(alert.status, 'open');
    assert.equal((alert.evidence as any).autoBlock.blocked, false);
  });

  test('when a second rule agrees, the merchant is blocked through the one block operation, audited and published', async () => {
    const merchant = await makeMerchant(app.db);
    let last;
    for (let i = 0; i < 6; i++) last = await feed(merchant.id, 50_000);
    assert.equal(last!.autoBlock?.blocked, true, JSON.stringify(last));
    assert.deepEqual(last!.autoBlock?.signals, ['velocity-5m', 'window-amount-15m']);
    assert.equal((await app.db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).status, 'blocked');
    const [audit] = await app.db.merchantBlockEvent.findMany({ where: { merchantId: merchant.id } });
    assert.equal(audit.source, 'risk');
    assert.equal(audit.actor, 'risk-engine');
    const blockingAlert = await app.db.riskAlert.findUniqueOrThrow({ where: { id: audit.alertId! } });
    assert.equal(blockingAlert.status, 'blocked');
    assert.equal(blockingAlert.decidedBy, 'risk-engine');
    assert.ok(blockingAlert.decidedAt);
    // The automatic decision joins the alert's history and the audit trail like a person's, named risk-engine.
    const decisions = await app.db.riskAlertDecision.findMany({ where: { alertId: blockingAlert.id } });
    assert.deepEqual(
      decisions.map((d) => [d.fromStatus, d.decision, d.actor, d.reason]),
      [['open', 'blocked', 'risk-engine', blockingAlert.decisionReason]],
    );
    const trail = await app.db.auditEvent.findMany({ where: { merchantId: merchant.id } });
    assert.deepEqual(
      trail.map((row) => [row.action, row.actor, row.after]),
      [['merchant.block', 'risk-engine', { status: 'blocked', alertId: blockingAlert.id }]],
    );
    const events = (await jobsIn(app.db, queues.merchantEvents)).filter((job) => job.data.data.merchantId === merchant.id);
    assert.deepEqual(
      events.map((job) => job.data.type),
      ['merchant.blocked'],
    );
    assert.equal(events[0].data.eventId, audit.id);
    // New payments are refused while blocked.
    const refused = await callRoute(createPaymentRoute, {
      body: { merchantId: merchant.id, outTradeNo: outTradeNo(), amount: 100, currency: 'CNY', provider: 'sandbox' },
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.json.error.code, 'merchant_blocked');
  });

  test('the hourly cap stops auto-blocking; the alert says why', async () => {
    const capped = { ...policy, maxPerHour: 1 };
    const already = await app.db.merchantBlockEvent.count({ where: { source: 'risk', action: 'blocked' } });
    assert.ok(already >= 1, 'the test before auto-blocked one merchant this hour');
    const merchant = await makeMerchant(app.db);
    let last;
    for (let i = 0; i < 6; i++) last = await feed(merchant.id, 50_000, { policy: capped });
    assert.equal(last!.autoBlock?.blocked, false);
    assert.match(last!.autoBlock!.reason, /cap reached/);
    assert.equal((await app.db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).status, 'active');
  });

  test('a merchant a person unblocked is not auto-blocked again during the grace period', async () => {
    const merchant = await makeMerchant(app.db);
    for (let i = 0; i < 6; i++) await feed(merchant.id, 50_000, { policy: { ...policy, maxPerHour: 100 } });
    assert.equal((await app.db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).status, 'blocked');
    const unblocked = await callRoute(unblockRoute, { params: { id: merchant.id }, body: { reason: 'called the shop: a catering order' } });
    assert.equal(unblocked.status, 200, unblocked.text);
    const next = await feed(merchant.id, 50_000, { policy: { ...policy, maxPerHour: 100 } });
    assert.equal(next.autoBlock?.blocked, false);
    assert.match(next.autoBlock!.reason, /a person unblocked/);
    assert.equal((await app.db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).status, 'active');
  });

  test('block → 403 → unblock → 201; payments made before the block still settle and are delivered; both changes publish', async () => {
    const merchant = await makeMerchant(app.db, { notifyUrl: merchantServer.url('/shop') });
    const madeBefore = await makePayment(app.db, { merchantId: merchant.id });
    const blocked = await callRoute(blockRoute, { params: { id: merchant.id }, body: { reason: 'fake orders suspected' } });
    assert.equal(blocked.status, 200, blocked.text);
    const body = { merchantId: merchant.id, outTradeNo: outTradeNo(), amount: 1_000, currency: 'CNY', provider: 'sandbox' };
    const refused = await callRoute(createPaymentRoute, { body });
    assert.equal(refused.status, 403);
    assert.equal(refused.json.error.code, 'merchant_blocked');

    // The shopper had already paid: the money moved, so the notification settles, is flagged, and reaches the merchant.
    const signed = wechatPaidCallback(keys, madeBefore);
    const settled = await callRoute(callbackRoute, {
      token: null,
      method: 'POST',
      rawBody: signed.rawBody,
      headers: signed.headers,
      params: { provider: 'wechatpay' },
    });
    assert.equal(settled.status, 200, settled.text);
    const payment = await app.db.payment.findUniqueOrThrow({ where: { id: madeBefore.id } });
    assert.equal(payment.status, 'succeeded');
    assert.ok(payment.flaggedReason);
    const delivery = await app.db.delivery.findFirstOrThrow({ where: { paymentId: madeBefore.id } });
    await deliveryWorker.waitForAttempt(delivery.id, 1);
    assert.equal((await app.db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).status, 'delivered');
    assert.equal(merchantServer.receivedAt('/shop').length, 1);

    const unblocked = await callRoute(unblockRoute, { params: { id: merchant.id }, body: { reason: 'reviewed: genuine sales' } });
    assert.equal(unblocked.status, 200, unblocked.text);
    const created = await callRoute(createPaymentRoute, { body: { ...body, outTradeNo: outTradeNo() } });
    assert.equal(created.status, 201, created.text);
    const events = (await jobsIn(app.db, queues.merchantEvents)).filter((job) => job.data.data.merchantId === merchant.id);
    assert.deepEqual(
      events.map((job) => [job.data.type, job.data.data.reason, job.data.data.source]),
      [
        ['merchant.blocked', 'fake orders suspected', 'api'],
        ['merchant.unblocked', 'reviewed: genuine sales', 'api'],
      ],
    );
    const audit = await app.db.merchantBlockEvent.findMany({ where: { merchantId: merchant.id }, orderBy: { createdAt: 'asc' } });
    assert.deepEqual(
      audit.map((row) => row.action),
      ['blocked', 'unblocked'],
    );
  });
});
