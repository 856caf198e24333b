import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { makeMerchant } from '@/prisma/seed/factories';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';
import { useDeliveryWorker } from '@/tests/helpers/use-delivery-worker';

const keys = makeWechatpayKeys();
// One fetch loop (WORKER_CONCURRENCY 8): pg-boss counts a merchant's active jobs when it fetches, so loops fetching at
// the same instant can each take the merchant's last free slot; one loop makes the limit exact.
const app = useApp({
  ...keys.env,
  DELIVERY_RETRY_SCHEDULE: '1,1,1',
  DELIVERY_TIMEOUT_MS: '400',
  DELIVERY_MERCHANT_CONCURRENCY: '2',
  WORKER_CONCURRENCY: '8',
});
const worker = useDeliveryWorker(app);
const merchant = await startMerchantServer();

const attemptsOf = (deliveryId: string) => app.db.deliveryAttempt.findMany({ where: { deliveryId }, orderBy: { attemptNumber: 'asc' } });
const deliveryOf = (id: string) => app.db.delivery.findUniqueOrThrow({ where: { id } });

describe('delivering payment notifications to merchants', () => {
  test('a succeeded payment reaches its merchant, signed as Standard Webhooks, and the attempt is recorded', async () => {
    const created = await makeMerchant(app.db, { notifyUrl: merchant.url('/ok') });
    const { delivery, payment } = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: created.id });
    await worker.waitForAttempt(delivery.id, 1);
    const [request] = merchant.receivedAt('/ok');
    const verified = new Webhook(created.webhookSecret).verify(request.body, request.headers) as {
      type: string;
      data: { paymentId: string; amount: number };
    };
    assert.equal(verified.type, 'payment.succeeded');
    assert.equal(verified.data.paymentId, payment.id);
    assert.equal(verified.data.amount, payment.amount);
    assert.equal(request.headers['webhook-id'], delivery.id);
    assert.throws(() =>
      new Webhook(`whsec_${Buffer.from('another secret, not the merchant one').toString('base64')}`).verify(request.body, request.headers),
    );
    assert.equal((await deliveryOf(delivery.id)).status, 'delivered');
    const [attempt] = await attemptsOf(delivery.id);
    assert.equal(attempt.statusCode, 200);
    assert.equal(attempt.responseExcerpt, 'ok');
    assert.ok(attempt.durationMs >= 0);
  });

  test('failures are retried on the schedule with the same webhook-id until one succeeds', async () => {
    let calls = 0;
    merchant.answer('/flaky', () => ({ status: ++calls <= 2 ? 500 : 200 }));
    const { delivery } = await payThroughCallback(app.db, keys, { notifyUrl: merchant.url('/flaky') });
    await worker.waitForAttempt(delivery.id, 3);
    const attempts = await attemptsOf(delivery.id);
    assert.deepEqual(
      attempts.map((a) => a.statusCode),
      [500, 500, 200],
    );
    assert.deepEqual(new Set(merchant.receivedAt('/flaky').map((r) => r.headers['webhook-id'])), new Set([delivery.id]));
    const gap = attempts[1].startedAt.getTime() - attempts[0].startedAt.getTime();
    assert.ok(gap >= 850, `retried after the 1 s (±10%) schedule step, not at once (${gap} ms)`);
    assert.equal((await deliveryOf(delivery.id)).status, 'delivered');
  });

  test('after the last attempt the delivery is failed (the dead-letter set) with the last error', async () => {
    merchant.answer('/down', () => 'drop');
    const { delivery } = await payThroughCallback(app.db, keys, { notifyUrl: merchant.url('/down') });
    await worker.waitForAttempt(delivery.id, 4);
    const stored = await deliveryOf(delivery.id);
    assert.equal(stored.status, 'failed');
    assert.equal(stored.attemptCount, 4, 'the first attempt and three retries');
    assert.ok(stored.lastError);
    assert.equal(
      (await attemptsOf(delivery.id)).every((a) => a.statusCode === null && a.error),
      true,
    );
  });

  test('410 Gone disables the endpoint at once, with a reason; later deliveries are not sent', async () => {
    merchant.answer('/gone', () => ({ status: 410 }));
    const { delivery, merchantId } = await payThroughCallback(app.db, keys, { notifyUrl: merchant.url('/gone') });
    await worker.waitForAttempt(delivery.id, 1);
    assert.equal((await deliveryOf(delivery.id)).status, 'failed');
    const stored = await app.db.merchant.findUniqueOrThrow({ where: { id: merchantId } });
    assert.match(stored.endpointDisabledReason ?? '', /410 Gone/);
    const second = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId });
    await worker.waitForAttempt(second.delivery.id, 1);
    assert.equal(merchant.receivedAt('/gone').length, 1);
    assert.match((await deliveryOf(second.delivery.id)).lastError ?? '', /endpoint disabled/);
  });

  test('429 with Retry-After is waited out even when the schedule is shorter', async () => {
    let calls = 0;
    merchant.answer('/throttled', () => (++calls === 1 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200 }));
    const { delivery } = await payThroughCallback(app.db, keys, { notifyUrl: merchant.url('/throttled') });
    await worker.waitForAttempt(delivery.id, 2);
    const [first, second] = await attemptsOf(delivery.id);
    assert.equal(first.statusCode, 429);
    assert.ok(second.startedAt.getTime() - first.startedAt.getTime() >= 2_000);
  });

  test('redirects are not followed and timeouts count as failures', async () => {
    merchant.answer('/moved', () => ({ status: 302, headers: { location: merchant.url('/ok') } }));
    merchant.answer('/sleepy', () => ({ status: 200, delayMs: 2_000 }));
    const moved = await payThroughCallback(app.db, keys, { notifyUrl: merchant.url('/moved') });
    const sleepy = await payThroughCallback(app.db, keys, { notifyUrl: merchant.url('/sleepy') });
    const okBefore = merchant.receivedAt('/ok').length;
    await worker.waitForAttempt(moved.delivery.id, 1);
    await worker.waitForAttempt(sleepy.delivery.id, 1);
    assert.equal((await attemptsOf(moved.delivery.id))[0].statusCode, 302);
    assert.equal(merchant.receivedAt('/ok').length, okBefore, 'the redirect target was not called');
    const [timedOut] = await attemptsOf(sleepy.delivery.id);
    assert.equal(timedOut.statusCode, null);
    assert.match(timedOut.error ?? '', /timeout|abort/i);
  });

  test('a slow merchant holds at most its concurrency limit and does not delay another merchant', async () => {
    merchant.answer('/slow', () => ({ status: 200, delayMs: 300 }));
    const slowMerchant = await makeMerchant(app.db, { notifyUrl: merchant.url('/slow') });
    const slow = await Promise.all(
      Array.from({ length: 8 }, () => payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: slowMerchant.id })),
    );
    const fast = await payThroughCallback(app.db, keys, { notifyUrl: merchant.url('/fast') });
    await worker.waitForAttempt(fast.delivery.id, 1);
    const slowDone = await app.db.delivery.count({ where: { id: { in: slow.map((s) => s.delivery.id) }, status: 'delivered' } });
    assert.ok(slowDone < 8, `the fast merchant was served while the slow one still had work (${slowDone}/8 done)`);
    await Promise.all(slow.map((s) => worker.waitForAttempt(s.delivery.id, 1)));
    assert.ok(merchant.maxInFlight('/slow') <= 2, `at most 2 in flight at the slow merchant, saw ${merchant.maxInFlight('/slow')}`);
  });
});
