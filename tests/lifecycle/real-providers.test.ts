// The lifecycle against WeChat Pay v3 and Alipay as spoken by the fake provider server: our real clients, signed
// requests, verified answers, notifications delivered into the callback route.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { POST as runRoute } from '@/app/api/lifecycle/run/route';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { makeMerchant, outTradeNo } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { startFakeProvider } from '@/tests/helpers/fake-provider/start-fake-provider';
import { settlementOf } from '@/tests/helpers/queue-jobs';
import { postCallback } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';
import { useLifecycleWorker } from '@/tests/helpers/use-lifecycle-worker';

const fake = await startFakeProvider({
  deliver: async (notification) => {
    const answer = await postCallback({ rawBody: notification.rawBody, headers: notification.headers }, notification.provider);
    return { status: answer.status, body: answer.text };
  },
});
const app = useApp({
  ...fake.env,
  CALLBACK_BASE_URL: 'https://gateway.example',
  PAYMENT_QUERY_SCHEDULE: '1,1,2',
  LIFECYCLE_LEASE_SECONDS: '5',
  PROVIDER_TIMEOUT_MS: '1000',
});
const worker = useLifecycleWorker(app);

const settledOnce = { status: 'succeeded', deliveries: 1, deliveryJobs: 1, risk: 1, campaign: 1, promotion: 1 };

async function place(provider: 'wechatpay' | 'alipay', options: { expiresInSeconds?: number } = {}) {
  const merchant = await makeMerchant(app.db);
  const answer = await callRoute(createPaymentRoute, {
    body: { merchantId: merchant.id, outTradeNo: outTradeNo(), amount: 1_280, provider, ...options },
  });
  assert.equal(answer.status, 201, answer.text);
  return { payment: answer.json, attemptId: answer.json.attempts[0].id as string };
}

describe('WeChat Pay through the fake provider', () => {
  test('an order is placed with our providerTradeNo and notify URL, and its code_url is the payData', async () => {
    const { payment } = await place('wechatpay');
    assert.match(payment.payData.codeUrl, /^weixin:\/\//);
    const order = fake.wechatpay.orders.get(payment.providerTradeNo);
    assert.ok(order, 'the provider knows the order by our providerTradeNo');
    assert.equal(order.notifyUrl, 'https://gateway.example/api/callbacks/wechatpay');
  });

  test('a lost notification is settled by the first query; the notification sent later is a duplicate', async () => {
    const { payment, attemptId } = await place('wechatpay');
    const paid = await fake.wechatpay.pay(payment.providerTradeNo, { notify: 'lost' });
    assert.equal(await worker.waitForLook(attemptId), 'settled');
    assert.deepEqual(await settlementOf(app.db, payment.id), settledOnce);
    const late = await paid.sendNotification();
    assert.equal(late.status, 200, late.body);
    assert.deepEqual(await settlementOf(app.db, payment.id), settledOnce);
    const [inbox] = await app.db.providerNotification.findMany({ where: { paymentId: payment.id } });
    assert.deepEqual([inbox.source, inbox.receivedCount], ['query', 2]);
  });

  for (const fault of ['wrong_amount', 'bad_signature', 'stale_timestamp', 'no_signature', 'wrong_mchid'] as const) {
    test(`a "paid" query answer with ${fault.replace('_', ' ')} is refused and raised; the next honest one settles`, async () => {
      const { payment, attemptId } = await place('wechatpay');
      await fake.wechatpay.pay(payment.providerTradeNo, { notify: 'lost' });
      // Faults are the fake's as a whole, and other tests' attempts are queried too: every query meets it until cleared.
      fake.failNext({ kind: fault }, { provider: 'wechatpay', operation: 'query_order', times: 1_000 });
      try {
        assert.equal(await worker.waitForLook(attemptId), 'untrusted_answer');
      } finally {
        fake.clearFaults();
      }
      assert.equal((await settlementOf(app.db, payment.id)).status, 'pending');
      const [query] = await app.db.providerExchange.findMany({ where: { attemptId, operation: 'query_order' } });
      assert.equal(query.verdict, 'rejected');
      assert.equal(await app.db.riskAlert.count({ where: { paymentId: payment.id, kind: 'untrusted_provider_answer' } }), 1);
      assert.equal(await worker.waitForLook(attemptId), 'settled');
    });
  }

  test('a provider that cannot be reached answers 502 provider_unavailable and nothing is paid', async () => {
    const merchant = await makeMerchant(app.db);
    for (const fault of [{ kind: 'reset' as const }, { kind: 'http_error' as const }, { kind: 'timeout' as const }]) {
      fake.failNext(fault, { provider: 'wechatpay', operation: 'create_order' });
      const answer = await callRoute(createPaymentRoute, {
        body: { merchantId: merchant.id, outTradeNo: outTradeNo(), amount: 500, provider: 'wechatpay' },
      });
      assert.equal(answer.status, 502, `${fault.kind}: ${answer.text}`);
      assert.equal(answer.json.error.code, 'provider_unavailable');
    }
    const attempts = await app.db.paymentAttempt.findMany({ where: { merchantId: merchant.id }, include: { payment: true } });
    assert.deepEqual(
      attempts.map((a) => [a.status, a.payment.status]),
      [
        ['failed', 'pending'],
        ['failed', 'pending'],
        ['failed', 'pending'],
      ],
    );
  });

  test('past expiry, an unpaid order is closed at WeChat Pay and then here', async () => {
    const { payment, attemptId } = await place('wechatpay', { expiresInSeconds: 1 });
    assert.equal(await worker.waitForLook(attemptId), 'closed');
    assert.equal(fake.wechatpay.orders.get(payment.providerTradeNo)?.tradeState, 'CLOSED');
    assert.equal((await app.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status, 'closed');
  });
});

describe('Alipay through the fake provider', () => {
  test('a precreated order gives its qr_code; a lost notification is settled by a query', async () => {
    const { payment, attemptId } = await place('alipay');
    assert.match(payment.payData.qrCode, /^https:\/\//);
    await fake.alipay.pay(payment.providerTradeNo, { notify: 'lost' });
    assert.equal(await worker.waitForLook(attemptId), 'settled');
    assert.deepEqual(await settlementOf(app.db, payment.id), settledOnce);
  });

  test('an order never scanned is unknown to Alipay: past expiry it is closed here', async () => {
    const { payment, attemptId } = await place('alipay', { expiresInSeconds: 1 });
    await sleep(Math.max(0, Date.parse(payment.expiresAt) - Date.now() + 20));
    const outcome = await worker.waitForLook(attemptId, (o) => o !== 'not_due' && o !== 'still_pending');
    assert.equal(outcome, 'closed');
    const answer = await callRoute(runRoute, { body: { task: 'close-expired' } });
    assert.equal(answer.status, 200);
    assert.equal((await app.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status, 'closed');
  });
});
