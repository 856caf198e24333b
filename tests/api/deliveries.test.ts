import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { GET as listRoute } from '@/app/api/deliveries/route';
import { GET as getRoute } from '@/app/api/deliveries/[id]/route';
import { POST as redeliverRoute } from '@/app/api/deliveries/[id]/redeliver/route';
import { POST as bulkRoute } from '@/app/api/deliveries/redeliver/route';
import { PATCH as patchMerchantRoute } from '@/app/api/merchants/[id]/route';
import { POST as rotateRoute } from '@/app/api/merchants/[id]/secret/rotate/route';
import { makeMerchant } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';
import { useDeliveryWorker } from '@/tests/helpers/use-delivery-worker';

const keys = makeWechatpayKeys();
const app = useApp({ ...keys.env, DELIVERY_RETRY_SCHEDULE: '1', DELIVERY_TIMEOUT_MS: '1000' });
const worker = useDeliveryWorker(app);
const merchant = await startMerchantServer();

const list = (query: string, token?: string) => callRoute(listRoute, { url: `http://localhost/api/deliveries?${query}`, token });

describe('deliveries API', () => {
  test('the dead-letter set is listed, and a bulk redrive delivers it once the merchant is back', async () => {
    let up = false;
    merchant.answer('/outage', () => (up ? { status: 200 } : { status: 503 }));
    const shop = await makeMerchant(app.db, { notifyUrl: merchant.url('/outage') });
    const paid = await Promise.all([1, 2, 3].map(() => payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id })));
    await Promise.all(paid.map((p) => worker.waitForAttempt(p.delivery.id, 2)));
    const failed = await list(`merchantId=${shop.id}&status=failed`);
    assert.equal(failed.status, 200);
    assert.deepEqual(new Set(failed.json.items.map((d: { id: string }) => d.id)), new Set(paid.map((p) => p.delivery.id)));

    up = true;
    const redriven = await callRoute(bulkRoute, { body: { merchantId: shop.id, status: 'failed' } });
    assert.equal(redriven.status, 202, redriven.text);
    assert.equal(redriven.json.redelivered, 3);
    await Promise.all(paid.map((p) => worker.waitForAttempt(p.delivery.id, 3)));
    const delivered = await list(`merchantId=${shop.id}&status=delivered`);
    assert.equal(delivered.json.items.length, 3);
    // Each row says whose it is and how its latest attempt went, so the list needs no second request per row.
    for (const row of delivered.json.items) {
      assert.equal(row.merchantName, shop.name);
      assert.equal(row.lastStatusCode, 200);
      assert.equal(typeof row.lastDurationMs, 'number');
    }
    assert.deepEqual(
      failed.json.items.map((row: { lastStatusCode: number | null; attemptCount: number }) => [row.lastStatusCode, row.attemptCount]),
      [
        [503, 2],
        [503, 2],
        [503, 2],
      ],
    );
    const one = await callRoute(getRoute, { params: { id: paid[0].delivery.id } });
    assert.deepEqual(
      one.json.attempts.map((a: { statusCode: number }) => a.statusCode),
      [503, 503, 200],
    );
    assert.equal(one.json.payload.type, 'payment.succeeded');
  });

  test('one delivery can be sent again; a pending one is refused with 409', async () => {
    const { delivery } = await payThroughCallback(app.db, keys, { notifyUrl: merchant.url('/again') });
    await worker.waitForAttempt(delivery.id, 1);
    // The second attempt is held at the merchant, so the delivery is surely still pending when it is asked again.
    merchant.answer('/again', () => ({ status: 200, delayMs: 1_000 }));
    const again = await callRoute(redeliverRoute, { method: 'POST', params: { id: delivery.id } });
    assert.equal(again.status, 202, again.text);
    assert.equal(again.json.status, 'pending');
    const twice = await callRoute(redeliverRoute, { method: 'POST', params: { id: delivery.id } });
    assert.equal(twice.status, 409);
    await worker.waitForAttempt(delivery.id, 2);
    const ids = merchant.receivedAt('/again').map((r) => r.headers['webhook-id']);
    assert.deepEqual(ids, [delivery.id, delivery.id]);
  });

  test('pages are keyset-paginated, newest first, with no row twice or missed', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: merchant.url('/paged') });
    for (let i = 0; i < 7; i++) await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id });
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const response = await list(`merchantId=${shop.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...response.json.items.map((d: { id: string }) => d.id));
      if (!response.json.nextCursor) break;
      cursor = response.json.nextCursor;
    }
    const expected = (
      await app.db.delivery.findMany({ where: { merchantId: shop.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })
    ).map((d) => d.id);
    assert.deepEqual(seen, expected);
    assert.equal((await list('cursor=garbage')).status, 422);
    assert.equal((await list('status=lost')).status, 422);
    assert.equal((await list('limit=0')).status, 422);
  });

  test('a merchant key sees and redelivers only its own deliveries', async () => {
    const mine = await makeMerchant(app.db, { notifyUrl: merchant.url('/mine') });
    const theirs = await makeMerchant(app.db, { notifyUrl: merchant.url('/theirs') });
    const own = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: mine.id });
    const other = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: theirs.id });
    const listed = await list('', mine.apiKey);
    assert.deepEqual(new Set(listed.json.items.map((d: { merchantId: string }) => d.merchantId)), new Set([mine.id]));
    assert.equal((await list(`merchantId=${theirs.id}`, mine.apiKey)).status, 404);
    assert.equal((await callRoute(getRoute, { token: mine.apiKey, params: { id: other.delivery.id } })).status, 404);
    assert.equal((await callRoute(getRoute, { token: mine.apiKey, params: { id: own.delivery.id } })).status, 200);
    assert.equal((await callRoute(redeliverRoute, { method: 'POST', token: mine.apiKey, params: { id: other.delivery.id } })).status, 404);
    const bulk = await callRoute(bulkRoute, { token: mine.apiKey, body: { merchantId: theirs.id } });
    assert.equal(bulk.status, 404);
    assert.equal((await list('')).status, 200);
    assert.equal((await list('', 'bad-token')).status, 401);
  });

  test('a rotated secret signs beside the old one during the overlap, then alone', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: merchant.url('/rotating') });
    const rotated = await callRoute(rotateRoute, { token: shop.apiKey, params: { id: shop.id }, body: { overlapSeconds: 3600 } });
    assert.equal(rotated.status, 200, rotated.text);
    const during = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id });
    await worker.waitForAttempt(during.delivery.id, 1);
    const [request] = merchant.receivedAt('/rotating');
    assert.equal(request.headers['webhook-signature'].split(' ').length, 2);
    new Webhook(shop.webhookSecret).verify(request.body, request.headers);
    new Webhook(rotated.json.webhookSecret).verify(request.body, request.headers);

    const final = await callRoute(rotateRoute, { params: { id: shop.id }, body: { overlapSeconds: 0 } });
    const after = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id });
    await worker.waitForAttempt(after.delivery.id, 1);
    const last = merchant.receivedAt('/rotating').at(-1)!;
    assert.equal(last.headers['webhook-signature'].split(' ').length, 1);
    new Webhook(final.json.webhookSecret).verify(last.body, last.headers);
    assert.throws(() => new Webhook(rotated.json.webhookSecret).verify(last.body, last.headers));
  });

  test('PATCH notifyUrl is checked against private addresses and re-enables a disabled endpoint', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: merchant.url('/patched') });
    await app.db.merchant.update({ where: { id: shop.id }, data: { endpointDisabledAt: new Date(), endpointDisabledReason: 'test' } });
    const refused = await callRoute(patchMerchantRoute, {
      method: 'PATCH',
      params: { id: shop.id },
      body: { notifyUrl: 'http://10.0.0.7/hook' },
    });
    assert.equal(refused.status, 422);
    assert.match(refused.json.error.message, /private or reserved/);
    assert.equal((await app.db.merchant.findUniqueOrThrow({ where: { id: shop.id } })).notifyUrl, merchant.url('/patched'));
    const changed = await callRoute(patchMerchantRoute, {
      method: 'PATCH',
      params: { id: shop.id },
      body: { notifyUrl: merchant.url('/patched-2') },
    });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.json.endpointDisabledAt, null);
    assert.equal((await callRoute(patchMerchantRoute, { method: 'PATCH', params: { id: shop.id }, body: {} })).status, 422);
  });
});
