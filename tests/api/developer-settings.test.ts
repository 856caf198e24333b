import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { GET as getMerchantRoute, PATCH as patchMerchantRoute } from '@/app/api/merchants/[id]/route';
import { POST as testWebhookRoute } from '@/app/api/merchants/[id]/webhook/test/route';
import { POST as regenerateRoute } from '@/app/api/merchants/[id]/api-key/regenerate/route';
import { POST as rotateRoute } from '@/app/api/merchants/[id]/secret/rotate/route';
import { POST as bulkRoute } from '@/app/api/deliveries/redeliver/route';
import { makeMerchant } from '@/prisma/seed/factories';
import { sendTestWebhookOperation } from '@/contracts/developer-settings';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const app = useApp({ ...keys.env, DELIVERY_TIMEOUT_MS: '500' });
const server = await startMerchantServer();

const patch = (id: string, body: unknown, token?: string) =>
  callRoute(patchMerchantRoute, { method: 'PATCH', params: { id }, body, token });
const sendTest = (id: string, body: unknown, token?: string) => callRoute(testWebhookRoute, { params: { id }, body, token });

describe('developer settings', () => {
  test('a test webhook is signed with every live secret and its answer is reported, whatever it is', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: server.url('/test-ok') });
    const rotated = await callRoute(rotateRoute, { token: shop.apiKey, params: { id: shop.id }, body: { overlapSeconds: 600 } });
    assert.equal(rotated.status, 200, rotated.text);
    const ok = await sendTest(shop.id, {}, shop.apiKey);
    assert.equal(ok.status, 200, ok.text);
    sendTestWebhookOperation.response.parse(ok.json);
    assert.equal(ok.json.ok, true);
    assert.equal(ok.json.statusCode, 200);
    assert.equal(ok.json.url, server.url('/test-ok'));
    const [received] = server.receivedAt('/test-ok');
    assert.equal(received.headers['webhook-id'], ok.json.webhookId);
    for (const secret of [shop.webhookSecret, rotated.json.webhookSecret]) {
      const event = new Webhook(secret).verify(received.body, received.headers) as { type: string; data: { merchantId: string } };
      assert.equal(event.type, 'webhook.test');
      assert.equal(event.data.merchantId, shop.id);
    }

    server.answer('/test-500', () => ({ status: 500 }));
    const failed = await sendTest(shop.id, { url: server.url('/test-500') }, shop.apiKey);
    assert.equal(failed.status, 200, failed.text);
    assert.equal(failed.json.ok, false);
    assert.equal(failed.json.statusCode, 500);
    assert.equal(failed.json.responseExcerpt, 'ok');

    server.answer('/test-slow', () => ({ status: 200, delayMs: 2_000 }));
    const slow = await sendTest(shop.id, { url: server.url('/test-slow') });
    assert.equal(slow.json.ok, false);
    assert.equal(slow.json.statusCode, null);
    assert.match(slow.json.error, /abort|timeout/i);

    const deliveries = await app.db.delivery.count({ where: { merchantId: shop.id } });
    assert.equal(deliveries, 0, 'a test webhook is not a delivery');
  });

  test('a test webhook refuses private addresses, bad URLs and other merchants, and sends nothing', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: server.url('/mine') });
    const other = await makeMerchant(app.db, { notifyUrl: server.url('/theirs') });
    const before = server.received.length;
    const privateAddress = await sendTest(shop.id, { url: 'http://10.0.0.7/hook' }, shop.apiKey);
    assert.equal(privateAddress.status, 422);
    assert.match(privateAddress.json.error.message, /private or reserved/);
    assert.equal((await sendTest(shop.id, { url: 'ftp://example.com/x' }, shop.apiKey)).status, 422);
    assert.equal((await sendTest(shop.id, { url: 42 }, shop.apiKey)).status, 422);
    assert.equal(
      (await callRoute(testWebhookRoute, { params: { id: shop.id }, rawBody: '', method: 'POST', token: shop.apiKey })).status,
      400,
    );
    assert.equal((await sendTest(other.id, {}, shop.apiKey)).status, 404);
    assert.equal((await sendTest(other.id, { url: server.url('/mine') }, shop.apiKey)).status, 404);
    assert.equal((await sendTest('0196b0c4-0000-7000-8000-000000000000', {})).status, 404);
    assert.equal((await sendTest(shop.id, {}, null as unknown as string)).status, 401);
    assert.equal(server.received.length, before);
  });

  test('a new notifyUrl is saved only after it acknowledges a signed test webhook', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: server.url('/current') });
    await app.db.merchant.update({ where: { id: shop.id }, data: { endpointDisabledAt: new Date(), endpointDisabledReason: '410 Gone' } });
    server.answer('/refuses', () => ({ status: 503 }));
    server.answer('/drops', () => 'drop');
    for (const url of [server.url('/refuses'), server.url('/drops'), 'http://127.0.0.1:9/closed-port']) {
      const refused = await patch(shop.id, { notifyUrl: url }, shop.apiKey);
      assert.equal(refused.status, 422, refused.text);
      assert.equal(refused.json.error.code, 'notify_url_test_failed');
      assert.match(refused.json.error.message, /not acknowledged/);
      assert.equal(refused.json.error.details.test.url, url);
      const stored = await app.db.merchant.findUniqueOrThrow({ where: { id: shop.id } });
      assert.equal(stored.notifyUrl, server.url('/current'), 'nothing saved');
      assert.equal(stored.endpointDisabledReason, '410 Gone', 'the endpoint stays as it was');
    }
    assert.equal(server.receivedAt('/refuses').length, 1);

    const changed = await patch(shop.id, { notifyUrl: server.url('/accepted') }, shop.apiKey);
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.json.notifyUrl, server.url('/accepted'));
    assert.equal(changed.json.endpointDisabledAt, null);
    const [test] = server.receivedAt('/accepted');
    new Webhook(shop.webhookSecret).verify(test.body, test.headers);
    // A name alone sends nothing.
    assert.equal((await patch(shop.id, { name: 'Renamed' }, shop.apiKey)).status, 200);
    assert.equal(server.receivedAt('/accepted').length, 1);
  });

  test('a regenerated API key is shown once, works at once, and the old key stops at once', async () => {
    const shop = await makeMerchant(app.db);
    const other = await makeMerchant(app.db);
    const regenerated = await callRoute(regenerateRoute, { method: 'POST', params: { id: shop.id }, token: shop.apiKey });
    assert.equal(regenerated.status, 200, regenerated.text);
    assert.match(regenerated.json.apiKey, /^mk_/);
    assert.notEqual(regenerated.json.apiKey, shop.apiKey);
    assert.equal(regenerated.json.apiKeyPrefix, regenerated.json.apiKey.slice(0, 7));
    assert.equal((await callRoute(getMerchantRoute, { params: { id: shop.id }, token: shop.apiKey })).status, 401);
    const seen = await callRoute(getMerchantRoute, { params: { id: shop.id }, token: regenerated.json.apiKey });
    assert.equal(seen.status, 200);
    assert.equal(seen.json.apiKeyPrefix, regenerated.json.apiKeyPrefix);
    assert.equal(seen.json.apiKey, undefined, 'shown once');
    const stored = await app.db.merchant.findUniqueOrThrow({ where: { id: shop.id } });
    assert.notEqual(stored.apiKeyHash, regenerated.json.apiKey, 'stored hashed');

    assert.equal(
      (await callRoute(regenerateRoute, { method: 'POST', params: { id: other.id }, token: regenerated.json.apiKey })).status,
      404,
    );
    assert.equal((await callRoute(getMerchantRoute, { params: { id: other.id }, token: other.apiKey })).status, 200, 'untouched');
    const byAdmin = await callRoute(regenerateRoute, { method: 'POST', params: { id: other.id } });
    assert.equal(byAdmin.status, 200);
    assert.equal((await callRoute(getMerchantRoute, { params: { id: other.id }, token: other.apiKey })).status, 401);
  });

  test('recovering everything failed since a time sends again only the caller’s failed deliveries since then', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: server.url('/recover') });
    const other = await makeMerchant(app.db, { notifyUrl: server.url('/recover-other') });
    const paid = [];
    for (let i = 0; i < 4; i++) paid.push(await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id }));
    const theirs = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: other.id });
    const since = new Date(Date.now() - 3_600_000);
    const [old, failedA, failedB, delivered] = paid.map((p) => p.delivery.id);
    await app.db.delivery.updateMany({ where: { id: { in: [old, failedA, failedB, theirs.delivery.id] } }, data: { status: 'failed' } });
    await app.db.delivery.update({ where: { id: old }, data: { createdAt: new Date(since.getTime() - 60_000) } });
    await app.db.delivery.update({ where: { id: delivered }, data: { status: 'delivered' } });

    const recovered = await callRoute(bulkRoute, { token: shop.apiKey, body: { since: since.toISOString() } });
    assert.equal(recovered.status, 202, recovered.text);
    assert.equal(recovered.json.redelivered, 2);
    const statuses = Object.fromEntries(
      (await app.db.delivery.findMany({ where: { id: { in: [...paid.map((p) => p.delivery.id), theirs.delivery.id] } } })).map((d) => [
        d.id,
        d.status,
      ]),
    );
    assert.deepEqual(statuses, {
      [old]: 'failed',
      [failedA]: 'pending',
      [failedB]: 'pending',
      [delivered]: 'delivered',
      [theirs.delivery.id]: 'failed',
    });
    assert.equal((await callRoute(bulkRoute, { token: shop.apiKey, body: { since: 'yesterday' } })).status, 422);
    assert.equal((await callRoute(bulkRoute, { token: shop.apiKey, body: { merchantId: other.id } })).status, 404);
    assert.equal((await app.db.delivery.findUniqueOrThrow({ where: { id: theirs.delivery.id } })).status, 'failed');
  });
});
