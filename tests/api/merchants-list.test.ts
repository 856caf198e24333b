import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GET as listRoute } from '@/app/api/merchants/route';
import { GET as summaryRoute } from '@/app/api/merchants/[id]/summary/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { listMerchantsOperation } from '@/contracts/merchant-list';
import { getMerchantSummaryOperation } from '@/contracts/merchant-summary';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { useApp } from '@/tests/helpers/use-app';
import { useDeliveryWorker } from '@/tests/helpers/use-delivery-worker';

const keys = makeWechatpayKeys();
const app = useApp({ ...keys.env, DELIVERY_RETRY_SCHEDULE: '1', DELIVERY_TIMEOUT_MS: '1000' });
const worker = useDeliveryWorker(app);
const merchant = await startMerchantServer();
merchant.answer('/down', () => ({ status: 500 }));

const list = async (query: string, token?: string | null) => {
  const response = await callRoute(listRoute, { url: `http://localhost/api/merchants?${query}`, token });
  if (response.status === 200) listMerchantsOperation.response.parse(response.json);
  return response;
};
const summary = async (id: string, token?: string | null, query = '') => {
  const response = await callRoute(summaryRoute, { url: `http://localhost/api/merchants/${id}/summary?${query}`, params: { id }, token });
  if (response.status === 200) getMerchantSummaryOperation.response.parse(response.json);
  return response;
};

describe('GET /api/merchants and /api/merchants/{id}/summary', () => {
  test('each merchant with its status, 7-day volume, delivery health and open alerts; filters; pages', async () => {
    const calm = await makeMerchant(app.db, { name: 'Calm Corner Shop', notifyUrl: merchant.url('/ok') });
    const broken = await makeMerchant(app.db, { name: 'Broken Endpoint Mart', notifyUrl: merchant.url('/down') });
    const quiet = await makeMerchant(app.db, { name: 'Quiet Kiosk' });
    const calmPaid = await Promise.all(
      [1_000, 2_500].map((amount) => payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: calm.id, amount })),
    );
    const brokenPaid = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: broken.id, amount: 300 });
    await Promise.all(calmPaid.map((p) => worker.waitForAttempt(p.delivery.id, 1)));
    await worker.waitForAttempt(brokenPaid.delivery.id, 2);
    // An amount mismatch raises an alert on the broken shop's other payment; the quiet one is blocked.
    const mismatched = await makePayment(app.db, { merchantId: broken.id, amount: 400 });
    const signed = wechatPaidCallback(keys, { providerTradeNo: mismatched.providerTradeNo!, amount: 401 });
    await callRoute(callbackRoute, {
      token: null,
      method: 'POST',
      rawBody: signed.rawBody,
      headers: signed.headers,
      params: { provider: 'wechatpay' },
    });
    await app.db.merchant.update({ where: { id: quiet.id }, data: { status: 'blocked' } });

    const response = await list('');
    assert.equal(response.status, 200, response.text);
    const byId = new Map<string, Record<string, unknown>>(response.json.items.map((item: Record<string, unknown>) => [item.id, item]));
    assert.deepEqual(
      response.json.items.map((item: { id: string }) => item.id),
      [quiet.id, broken.id, calm.id],
    );
    assert.deepEqual(byId.get(calm.id), {
      ...byId.get(calm.id),
      status: 'active',
      volume7d: [{ currency: 'CNY', count: 2, amount: 3_500 }],
      deliveries: { pending: 0, deadLetters: 0, firstAttempts7d: 2, firstAttemptSucceeded7d: 2, firstAttemptSuccessRate7d: 1 },
      openAlerts: 0,
      endpointFailingSince: null,
    });
    const brokenRow = byId.get(broken.id)!;
    assert.deepEqual(brokenRow.deliveries, {
      pending: 0,
      deadLetters: 1,
      firstAttempts7d: 1,
      firstAttemptSucceeded7d: 0,
      firstAttemptSuccessRate7d: 0,
    });
    assert.equal(brokenRow.openAlerts, 1);
    assert.equal(typeof brokenRow.endpointFailingSince, 'string');
    assert.deepEqual(byId.get(quiet.id), { ...byId.get(quiet.id), status: 'blocked', volume7d: [], openAlerts: 0 });
    assert.equal('apiKeyHash' in brokenRow || 'webhookSecret' in brokenRow, false);

    const ids = async (query: string) => (await list(query)).json.items.map((item: { id: string }) => item.id);
    assert.deepEqual(await ids('status=blocked'), [quiet.id]);
    assert.deepEqual(await ids('status=active'), [broken.id, calm.id]);
    assert.deepEqual(await ids('endpoint=failing'), [broken.id]);
    assert.deepEqual(await ids('endpoint=disabled'), []);
    assert.deepEqual(await ids('q=mart'), [broken.id]);
    assert.deepEqual(await ids(`q=${calm.id.toUpperCase()}`), [calm.id]);
    const first = await list('limit=2');
    assert.equal(first.json.items.length, 2);
    const second = await list(`limit=2&cursor=${first.json.nextCursor}`);
    assert.deepEqual(
      second.json.items.map((item: { id: string }) => item.id),
      [calm.id],
    );
    assert.equal(second.json.nextCursor, null);

    const brokenSummary = await summary(broken.id, undefined, 'days=2');
    assert.equal(brokenSummary.status, 200, brokenSummary.text);
    const figures = brokenSummary.json;
    assert.equal(figures.endpoint.attempts24h, 2);
    assert.equal(figures.endpoint.failedAttempts24h, 2);
    assert.equal(figures.endpoint.failureRate24h, 1);
    assert.equal(figures.endpoint.lastSuccessAt, null);
    const lastFailure = await app.db.deliveryAttempt.findFirstOrThrow({
      where: { deliveryId: brokenPaid.delivery.id },
      orderBy: { startedAt: 'desc' },
    });
    assert.equal(figures.endpoint.lastFailureAt, lastFailure.startedAt.toISOString());
    assert.equal(
      figures.endpoint.failingSince,
      (await app.db.merchant.findUniqueOrThrow({ where: { id: broken.id } })).endpointFailingSince!.toISOString(),
    );
    assert.equal(figures.openAlerts, 1);
    assert.equal(figures.series.points.length, 48);
    assert.deepEqual(figures.last7Days, { since: figures.last7Days.since, paid: 1, volume: [{ currency: 'CNY', count: 1, amount: 300 }] });
    assert.equal(
      figures.series.points.reduce((sum: number, point: { paid: number }) => sum + point.paid, 0),
      1,
    );
    assert.equal(figures.today.paid, 1);

    const calmSummary = (await summary(calm.id, calm.apiKey)).json;
    assert.equal(calmSummary.openAlerts, null, 'a merchant key sees no risk internals');
    assert.equal(calmSummary.endpoint.lastFailureAt, null);
    const lastSuccess = await app.db.deliveryAttempt.findFirstOrThrow({
      where: { delivery: { merchantId: calm.id }, statusCode: 200 },
      orderBy: { startedAt: 'desc' },
    });
    assert.equal(calmSummary.endpoint.lastSuccessAt, lastSuccess.startedAt.toISOString());
    assert.equal(calmSummary.series.points.length, 7 * 24);
    assert.equal(calmSummary.last7Days.paid, 2);
  });

  test('the list is for staff; a merchant key reads only its own summary; bad input is 422 or 404', async () => {
    const mine = await makeMerchant(app.db);
    const theirs = await makeMerchant(app.db);
    assert.equal((await list('', mine.apiKey)).status, 403);
    assert.equal((await list('', null)).status, 401);
    assert.equal((await summary(theirs.id, mine.apiKey)).status, 404);
    assert.equal((await summary(mine.id, mine.apiKey)).status, 200);
    assert.equal((await summary('00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await summary('not-a-uuid')).status, 404);
    for (const bad of ['status=closed', 'endpoint=down', 'limit=0', 'cursor=garbage', 'q=%01']) {
      assert.equal((await list(bad)).status, 422, bad);
    }
    assert.equal((await list('q=%00')).status, 400, 'NUL is refused at the API boundary');
    for (const days of ['0', '32', 'week']) assert.equal((await summary(mine.id, undefined, `days=${days}`)).status, 422, days);
  });
});
