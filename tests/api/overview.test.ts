import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { GET as overviewRoute } from '@/app/api/overview/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { overviewSchema } from '@/contracts/overview';
import { percentileFromHistogram } from '@/server/stats/percentile-from-histogram';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';
import { useDeliveryWorker } from '@/tests/helpers/use-delivery-worker';

const keys = makeWechatpayKeys();
const app = useApp({ ...keys.env, DELIVERY_RETRY_SCHEDULE: '1', DELIVERY_TIMEOUT_MS: '1000', SETTLEMENT_TIMEZONE: 'Asia/Shanghai' });
const worker = useDeliveryWorker(app);
const merchant = await startMerchantServer();
merchant.answer('/down', () => ({ status: 503 }));

const overview = async (query = '', token?: string | null) => {
  const response = await callRoute(overviewRoute, { url: `http://localhost/api/overview?${query}`, token });
  if (response.status === 200) overviewSchema.parse(response.json);
  return response;
};
const post = (signed: { rawBody: string; headers: Record<string, string> }) =>
  callRoute(callbackRoute, {
    token: null,
    method: 'POST',
    rawBody: signed.rawBody,
    headers: signed.headers,
    params: { provider: 'wechatpay' },
  });
const count = async (sql: string, ...values: unknown[]) =>
  Number((await app.db.$queryRawUnsafe<{ n: bigint }[]>(sql, ...values))[0].n ?? 0);

describe('GET /api/overview', () => {
  test('every figure equals a count of the facts it summarises, the moment they commit', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: merchant.url('/ok') });
    const down = await makeMerchant(app.db, { notifyUrl: merchant.url('/down') });
    const paid = [
      ...(await Promise.all(
        [1, 2, 3].map((i) => payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id, amount: 1_000 * i })),
      )),
      await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: down.id, amount: 5_000 }),
    ];
    const pending = await Promise.all(
      (['alipay', 'sandbox', 'wechatpay'] as const).map((provider) => makePayment(app.db, { merchantId: shop.id, provider })),
    );
    await app.db.payment.update({ where: { id: pending[0].id }, data: { status: 'closed' } });
    const again = await makePayment(app.db, { merchantId: shop.id, amount: 777 });
    const signed = wechatPaidCallback(keys, again);
    await post(signed);
    await post(signed);
    await post({ ...signed, headers: { ...signed.headers, 'wechatpay-signature': 'Zm9yZ2Vk' } });
    await post(wechatPaidCallback(keys, { providerTradeNo: 'NOSUCHORDER2', amount: 100 }));
    const mismatched = await makePayment(app.db, { merchantId: down.id, amount: 300 });
    await post(wechatPaidCallback(keys, { providerTradeNo: mismatched.providerTradeNo!, amount: 301 }));
    await app.db.riskAlert.updateMany({ where: { kind: 'amount_mismatch' }, data: { status: 'acknowledged' } });
    await app.db.merchant.update({ where: { id: down.id }, data: { status: 'blocked', endpointDisabledAt: new Date() } });
    await Promise.all(paid.filter((p) => p.merchantId === shop.id).map((p) => worker.waitForAttempt(p.delivery.id, 1)));
    await worker.waitForAttempt(paid[3].delivery.id, 2);
    await worker.waitForAttempt((await app.db.delivery.findFirstOrThrow({ where: { paymentId: again.id } })).id, 1);

    const response = await overview('hours=2');
    assert.equal(response.status, 200, response.text);
    const figures = response.json;
    const since = new Date(figures.today.since);
    assert.equal(figures.timeZone, 'Asia/Shanghai');

    const paidToday = `status IN ('succeeded', 'partially_refunded', 'refunded') AND paid_at >= $1`;
    assert.equal(figures.today.orders, await count(`SELECT count(*) AS n FROM payment WHERE created_at >= $1`, since));
    assert.equal(figures.today.paid, await count(`SELECT count(*) AS n FROM payment WHERE ${paidToday}`, since));
    assert.deepEqual(figures.today.volume, [
      { currency: 'CNY', count: figures.today.paid, amount: await count(`SELECT sum(amount) AS n FROM payment WHERE ${paidToday}`, since) },
    ]);
    assert.deepEqual(figures.today.byStatus, {
      pending: await count(`SELECT count(*) AS n FROM payment WHERE created_at >= $1 AND status = 'pending'`, since),
      succeeded: 5,
      closed: 1,
      failed: 0,
    });
    assert.equal(figures.today.successRate, 5 / 6);

    assert.equal(figures.series.points.length, 120);
    const total = (what: 'created' | 'paid', provider: string) =>
      figures.series.points.reduce((sum: number, point: Record<string, Record<string, number>>) => sum + point[what][provider], 0);
    assert.equal(total('created', 'wechatpay'), await count(`SELECT count(*) AS n FROM payment WHERE provider = 'wechatpay'`));
    assert.equal(total('created', 'alipay'), 1);
    assert.equal(total('paid', 'wechatpay'), 5);
    assert.equal(total('paid', 'sandbox'), 0);

    const healthSince = new Date(new Date(figures.generatedAt).getTime() - 59 * 60_000);
    healthSince.setUTCSeconds(0, 0);
    const attempts = await app.db.$queryRaw<{ number: number; code: number | null; latency: number }[]>`
      SELECT a.attempt_number AS number, a.status_code AS code,
        (extract(epoch FROM a.started_at - d.created_at) * 1000 + a.duration_ms)::float8 AS latency
      FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id WHERE a.started_at >= ${healthSince}`;
    const ok = attempts.filter((a) => a.code !== null && a.code >= 200 && a.code < 300);
    const firsts = attempts.filter((a) => a.number === 1);
    const ladder = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
    assert.deepEqual(figures.deliveries, {
      windowMinutes: 60,
      firstAttempts: firsts.length,
      firstAttemptSucceeded: firsts.filter((a) => ok.includes(a)).length,
      firstAttemptSuccessRate: firsts.filter((a) => ok.includes(a)).length / firsts.length,
      delivered: ok.length,
      p95DeliveryMs: percentileFromHistogram(
        ok.map((a) => ({ le: ladder.find((edge) => edge >= a.latency)!, count: 1 })),
        95,
      ),
      pending: await count(`SELECT count(*) AS n FROM delivery WHERE status = 'pending'`),
      deadLetters: 1,
    });
    assert.deepEqual(figures.alerts, { open: 1, acknowledged: 1 });
    assert.deepEqual(figures.merchants, { total: 2, blocked: 1, endpointsDisabled: 1 });
    assert.deepEqual(figures.callbacks, {
      windowMinutes: 60,
      received: 9,
      perMinute: 9 / 60,
      duplicates: 1,
      rejected: 1,
      unknownPayment: 1,
      amountMismatch: 1,
    });

    // A payment paid now is in the next answer: the aggregates commit with the facts.
    await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id, amount: 50 });
    const next = (await overview('hours=1')).json;
    assert.equal(next.today.paid, figures.today.paid + 1);
    assert.equal(next.today.volume[0].amount, figures.today.volume[0].amount + 50);
    assert.equal(next.series.points.length, 60);
  });

  test('staff only; bad windows are 422', async () => {
    const shop = await makeMerchant(app.db);
    assert.equal((await overview('', shop.apiKey)).status, 403);
    assert.equal((await overview('', null)).status, 401);
    for (const hours of ['0', '25', 'x', '2.5']) assert.equal((await overview(`hours=${hours}`)).status, 422, hours);
    const day = await overview('hours=24');
    assert.equal(day.json.series.points.length, 1440);
  });
});
