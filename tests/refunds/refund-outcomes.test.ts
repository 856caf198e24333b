// Every way a refund ends (DESIGN §9), against WeChat Pay and Alipay as the fake provider speaks them and against the
// sandbox: success learnt only from the notification or only from a query, closed releasing its amount, abnormal
// keeping it with an alert, a refusal, a refund left too long, and a crash between reserving and submitting.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { makeMerchant, outTradeNo } from '@/prisma/seed/factories';
import { getEnv } from '@/lib/env';
import { lifecycleSettingsFrom } from '@/server/lifecycle/lifecycle-settings';
import { getProviderClient } from '@/server/providers/get-provider-client';
import { newProviderRefundNo } from '@/server/refunds/refund-numbers';
import { reserveRefund } from '@/server/refunds/reserve-refund';
import { callRoute } from '@/tests/helpers/call-route';
import { startFakeProvider } from '@/tests/helpers/fake-provider/start-fake-provider';
import { postCallback, setSandboxFaults } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';
import { moneyOf, paidSandboxPayment, refundEventsOf, refundOk, requestRefund, runTask, settleSandboxRefund } from './refund-helpers';
import { useRefundWorker } from './use-refund-worker';

const fake = await startFakeProvider({
  deliver: async (notification) => {
    const answer = await postCallback({ rawBody: notification.rawBody, headers: notification.headers }, notification.provider);
    return { status: answer.status, body: answer.text };
  },
});
const app = useApp({
  ...fake.env,
  CALLBACK_BASE_URL: 'https://gateway.example',
  REFUND_QUERY_SCHEDULE: '1,1,2',
  REFUND_STUCK_AFTER_SECONDS: '2',
  LIFECYCLE_LEASE_SECONDS: '3',
  PROVIDER_TIMEOUT_MS: '1000',
});
const worker = useRefundWorker(app);

/** A payment placed at the fake provider and paid there, its notification delivered. */
async function paidAt(provider: 'wechatpay' | 'alipay', amount = 1_000) {
  const merchant = await makeMerchant(app.db);
  const answer = await callRoute(createPaymentRoute, { body: { merchantId: merchant.id, outTradeNo: outTradeNo(), amount, provider } });
  assert.equal(answer.status, 201, answer.text);
  const { id: paymentId, providerTradeNo } = answer.json;
  await (provider === 'wechatpay' ? fake.wechatpay.pay(providerTradeNo) : fake.alipay.pay(providerTradeNo));
  assert.equal((await app.db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status, 'succeeded');
  return { paymentId, providerTradeNo: providerTradeNo as string, attemptId: answer.json.attempts[0].id as string };
}

const exchangesOf = (refundId: string) =>
  app.db.providerExchange.findMany({ where: { refundId }, orderBy: { startedAt: 'asc' }, select: { operation: true, verdict: true } });

async function untilDue(refundId: string) {
  const { nextQueryAt } = await app.db.refund.findUniqueOrThrow({ where: { id: refundId } });
  await sleep(Math.max(0, nextQueryAt!.getTime() - Date.now() + 20));
}

describe('WeChat Pay refunds through the fake provider', () => {
  test('success known only from the REFUND.SUCCESS notification', async () => {
    fake.wechatpay.setRefundMode('processing');
    const paid = await paidAt('wechatpay');
    const refund = await refundOk(paid.paymentId, { refundNo: 'WX-NOTIFY', amount: 400 });
    assert.equal(refund.status, 'processing');
    const stored = fake.wechatpay.refunds.get(refund.providerRefundNo)!;
    assert.deepEqual([stored.amount, stored.notifyUrl], [400, 'https://gateway.example/api/callbacks/wechatpay']);
    const [answer] = await fake.wechatpay.settleRefund(refund.providerRefundNo, 'SUCCESS');
    assert.equal(answer.status, 200, answer.body);
    const done = await app.db.refund.findUniqueOrThrow({ where: { id: refund.id } });
    assert.deepEqual(
      [done.status, done.providerRefundId, done.lastProviderState],
      ['succeeded', stored.refundId, 'SUCCESS (notification)'],
    );
    assert.deepEqual(
      (await exchangesOf(refund.id)).map((e) => e.operation),
      ['refund'],
      'no query was needed',
    );
    assert.deepEqual((await moneyOf(app.db, paid.attemptId)).paymentRefunded, 400);
    const inbox = await app.db.providerNotification.findFirstOrThrow({ where: { kind: 'refund', attemptId: paid.attemptId } });
    assert.deepEqual([inbox.outcome, inbox.paymentId], ['applied', paid.paymentId]);
  });

  test('success known only from a query, when the notification is lost; the late notification is a harmless copy', async () => {
    fake.wechatpay.setRefundMode('processing');
    const paid = await paidAt('wechatpay');
    const refund = await refundOk(paid.paymentId, { refundNo: 'WX-QUERY', amount: 1_000 });
    await fake.wechatpay.settleRefund(refund.providerRefundNo, 'SUCCESS', { notify: 'lost' });
    assert.equal(await worker.waitForLook(refund.id), 'succeeded');
    assert.deepEqual(
      (await exchangesOf(refund.id)).map((e) => [e.operation, e.verdict]),
      [
        ['refund', 'ok'],
        ['query_refund', 'ok'],
      ],
    );
    const money = await moneyOf(app.db, paid.attemptId);
    assert.deepEqual([money.paymentStatus, money.ledger.refund, money.ledger.feeReturn], ['refunded', 1_000, 6]);
    const late = await fake.wechatpay.sendRefundNotification(refund.providerRefundNo);
    assert.equal(late.status, 200, late.body);
    assert.equal((await moneyOf(app.db, paid.attemptId)).ledger.refund, 1_000);
    assert.equal((await refundEventsOf(app.db, refund.id)).deliveries.length, 1);
  });

  test('ABNORMAL keeps the reserved amount and raises an alert; the provider settling it later makes it succeed', async () => {
    fake.wechatpay.setRefundMode('processing');
    const paid = await paidAt('wechatpay');
    const refund = await refundOk(paid.paymentId, { refundNo: 'WX-ABNORMAL', amount: 700 });
    await fake.wechatpay.settleRefund(refund.providerRefundNo, 'ABNORMAL');
    assert.equal((await app.db.refund.findUniqueOrThrow({ where: { id: refund.id } })).status, 'abnormal');
    assert.deepEqual([(await moneyOf(app.db, paid.attemptId)).reserved, (await moneyOf(app.db, paid.attemptId)).refunded], [700, 0]);
    assert.equal(await app.db.riskAlert.count({ where: { kind: 'refund_abnormal', paymentId: paid.paymentId } }), 1);
    const tooMuch = await requestRefund(paid.paymentId, { refundNo: 'WX-ABNORMAL-2', amount: 301 });
    assert.equal(tooMuch.json.error.code, 'refund_exceeds_paid');
    // Its looks go on; the next one sees it still abnormal and raises nothing new.
    assert.equal(await worker.waitForLook(refund.id), 'abnormal');
    assert.equal(await app.db.riskAlert.count({ where: { kind: 'refund_abnormal', paymentId: paid.paymentId } }), 1);
    await fake.wechatpay.settleRefund(refund.providerRefundNo, 'SUCCESS');
    assert.equal((await app.db.refund.findUniqueOrThrow({ where: { id: refund.id } })).status, 'succeeded');
    assert.equal((await moneyOf(app.db, paid.attemptId)).paymentRefunded, 700);
  });

  test('a refund the provider refuses fails, releases its amount and tells the merchant refund.failed', async () => {
    const paid = await paidAt('wechatpay');
    fake.failNext(
      { kind: 'business_error', code: 'NOT_ENOUGH', message: '基本账户余额不足' },
      { provider: 'wechatpay', operation: 'refund' },
    );
    const refund = await refundOk(paid.paymentId, { refundNo: 'WX-REFUSED', amount: 1_000 });
    assert.deepEqual([refund.status, refund.failureReason?.startsWith('NOT_ENOUGH')], ['failed', true]);
    assert.equal((await moneyOf(app.db, paid.attemptId)).reserved, 0);
    const { deliveries, events } = await refundEventsOf(app.db, refund.id);
    assert.deepEqual(
      deliveries.map((d) => [d.eventType, (d.payload as { data: { status: string } }).data.status]),
      [['refund.failed', 'failed']],
    );
    assert.deepEqual(
      events.map((e) => e.type),
      ['refund.failed'],
    );
    // The whole amount can be asked again, under a new number.
    fake.wechatpay.setRefundMode('succeed');
    assert.equal((await refundOk(paid.paymentId, { refundNo: 'WX-REFUSED-2', amount: 1_000 })).status, 'succeeded');
  });

  test('a refund notification for another amount is kept, alerted and refused; the refund is left as it was', async () => {
    fake.wechatpay.setRefundMode('processing');
    const paid = await paidAt('wechatpay');
    const refund = await refundOk(paid.paymentId, { refundNo: 'WX-MISMATCH', amount: 400 });
    // The provider's record says another amount than ours (a forged or broken notification would too).
    fake.wechatpay.refunds.get(refund.providerRefundNo)!.amount = 399;
    const [answer] = await fake.wechatpay.settleRefund(refund.providerRefundNo, 'SUCCESS');
    assert.equal(answer.status, 422, answer.body);
    const stored = await app.db.refund.findUniqueOrThrow({ where: { id: refund.id } });
    assert.equal(stored.status, 'processing');
    assert.deepEqual((await moneyOf(app.db, paid.attemptId)).ledger.refund, 0);
    const inbox = await app.db.providerNotification.findFirstOrThrow({ where: { kind: 'refund', attemptId: paid.attemptId } });
    assert.equal(inbox.outcome, 'rejected');
    assert.equal(await app.db.riskAlert.count({ where: { kind: 'refund_not_applied', paymentId: paid.paymentId } }), 1);
  });

  test('unreachable at submission: the refund stays pending and its next look submits the same number', async () => {
    fake.wechatpay.setRefundMode('succeed');
    const paid = await paidAt('wechatpay');
    fake.failNext({ kind: 'reset' }, { provider: 'wechatpay', operation: 'refund' });
    const refund = await refundOk(paid.paymentId, { refundNo: 'WX-AWAY', amount: 250 });
    assert.deepEqual([refund.status, refund.submittedAt], ['pending', null]);
    assert.equal(await worker.waitForLook(refund.id), 'succeeded');
    const submissions = fake.requests.filter((r) => r.operation === 'refund' && r.body.includes(refund.providerRefundNo));
    assert.equal(submissions.length, 2, 'the same providerRefundNo both times');
    assert.equal(fake.wechatpay.refunds.get(refund.providerRefundNo)?.amount, 250);
  });
});

describe('Alipay refunds through the fake provider', () => {
  test('fund_change Y makes the refund succeed at once', async () => {
    fake.alipay.setRefundMode('succeed');
    const paid = await paidAt('alipay');
    const refund = await refundOk(paid.paymentId, { refundNo: 'ALI-NOW', amount: 123 });
    assert.equal(refund.status, 'succeeded');
    assert.equal((await moneyOf(app.db, paid.attemptId)).paymentRefunded, 123);
  });

  test("refund notifications carry the trade's refunded total: each covers its refund, whatever order they arrive in", async () => {
    fake.alipay.setRefundMode('processing');
    const paid = await paidAt('alipay');
    const first = await refundOk(paid.paymentId, { refundNo: 'ALI-A', amount: 300 });
    const second = await refundOk(paid.paymentId, { refundNo: 'ALI-B', amount: 200 });
    assert.deepEqual([first.status, second.status], ['processing', 'processing']);
    const [b] = await fake.alipay.settleRefund(paid.providerTradeNo, second.providerRefundNo, 'SUCCESS');
    assert.equal(b.status, 200, b.body);
    const [a] = await fake.alipay.settleRefund(paid.providerTradeNo, first.providerRefundNo, 'SUCCESS');
    assert.equal(a.status, 200, a.body);
    const money = await moneyOf(app.db, paid.attemptId);
    assert.deepEqual([money.paymentStatus, money.paymentRefunded, money.ledger.refund], ['partially_refunded', 500, 500]);
  });
});

describe('sandbox refunds', () => {
  test('CLOSED releases the reserved amount: refund.failed, and the amount can be refunded again', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 900 });
    const refund = await refundOk(paid.paymentId, { refundNo: 'SB-CLOSED', amount: 900 });
    assert.equal((await settleSandboxRefund(app.db, refund.providerRefundNo, 'closed')).status, 200);
    assert.equal((await app.db.refund.findUniqueOrThrow({ where: { id: refund.id } })).status, 'closed');
    const money = await moneyOf(app.db, paid.attemptId);
    assert.deepEqual([money.reserved, money.refunded, money.paymentStatus, money.ledger.refund], [0, 0, 'succeeded', 0]);
    const { deliveries } = await refundEventsOf(app.db, refund.id);
    assert.deepEqual(
      deliveries.map((d) => [d.eventType, (d.payload as { data: { status: string } }).data.status]),
      [['refund.failed', 'closed']],
    );
    await setSandboxFaults(paid.paymentId, { refund: 'none' });
    assert.equal((await refundOk(paid.paymentId, { refundNo: 'SB-CLOSED-2', amount: 900 })).status, 'processing');
  });

  test('a refund still open past REFUND_STUCK_AFTER_SECONDS raises one alert and is still looked at', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 500 });
    await setSandboxFaults(paid.paymentId, { refund: 'processing' });
    const refund = await refundOk(paid.paymentId, { refundNo: 'SB-STUCK', amount: 500 });
    await sleep(2_100);
    for (let look = 0; look < 2; look++) assert.equal(await worker.waitForLook(refund.id), 'processing');
    assert.equal(await app.db.riskAlert.count({ where: { kind: 'refund_stuck', paymentId: paid.paymentId } }), 1);
    assert.ok((await app.db.refund.findUniqueOrThrow({ where: { id: refund.id } })).nextQueryAt);
  });

  test('a crash between reserving and submitting: the confirm-refunds sweep submits the same number, once', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 800 });
    const settings = lifecycleSettingsFrom(getEnv());
    const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: paid.attemptId } });
    const providerRefundNo = newProviderRefundNo();
    // The reserve commits, then the process dies before it calls the provider.
    const refundId = await app.db.$transaction((tx) =>
      reserveRefund({
        tx,
        boss: app.boss,
        settings,
        attempt,
        refundNo: 'SB-CRASH',
        providerRefundNo,
        amount: 800,
        reason: 'customer',
        requestedBy: 'token:admin',
      }),
    );
    assert.ok(refundId);
    // And its own look's job is lost too: only the sweep is left to find it.
    await app.db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'check-refund' AND singleton_key = ${refundId}`;
    assert.equal(await app.db.sandboxRefund.count({ where: { outRefundNo: providerRefundNo } }), 0);
    await sleep(settings.leaseSeconds * 1000 + 100);
    const run = await runTask('confirm-refunds');
    assert.equal(run.items.find((item) => item.id === refundId)?.outcome, 'processing');
    assert.equal(await app.db.sandboxRefund.count({ where: { outRefundNo: providerRefundNo } }), 1);
    assert.equal((await settleSandboxRefund(app.db, providerRefundNo)).status, 200);
    assert.equal((await moneyOf(app.db, paid.attemptId)).paymentStatus, 'refunded');
  });

  test('a crash after the provider took it but before we knew: resubmitting the same number is the same refund', async () => {
    fake.wechatpay.setRefundMode('processing');
    const paid = await paidAt('wechatpay', 600);
    const settings = lifecycleSettingsFrom(getEnv());
    const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: paid.attemptId } });
    const providerRefundNo = newProviderRefundNo();
    const refundId = await app.db.$transaction((tx) =>
      reserveRefund({
        tx,
        boss: app.boss,
        settings,
        attempt,
        refundNo: 'WX-CRASH',
        providerRefundNo,
        amount: 600,
        reason: 'customer',
        requestedBy: 'token:admin',
      }),
    );
    const client = getProviderClient({ db: app.db, boss: app.boss, provider: 'wechatpay' });
    const taken = await client.refund({
      providerTradeNo: paid.providerTradeNo,
      providerRefundNo,
      amount: 600,
      totalAmount: 600,
      currency: 'CNY',
      reason: 'Refund',
      notifyUrl: 'https://gateway.example/api/callbacks/wechatpay',
    });
    assert.ok(taken.ok);
    await untilDue(refundId!);
    await sleep(settings.leaseSeconds * 1000);
    const outcome = await worker.waitForLook(refundId!);
    assert.equal(outcome, 'processing');
    assert.equal([...fake.wechatpay.refunds.values()].filter((r) => r.outTradeNo === paid.providerTradeNo).length, 1);
    await fake.wechatpay.settleRefund(providerRefundNo, 'SUCCESS');
    const money = await moneyOf(app.db, paid.attemptId);
    assert.deepEqual([money.paymentStatus, money.ledger.refund], ['refunded', 600]);
  });
});
