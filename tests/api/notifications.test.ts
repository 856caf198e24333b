import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { GET as notificationRoute } from '@/app/api/notifications/[id]/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { getNotificationOperation } from '@/contracts/notifications';
import { callRoute } from '@/tests/helpers/call-route';
import { makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const app = useApp(keys.env);

const post = (signed: { rawBody: string; headers: Record<string, string> }) =>
  callRoute(callbackRoute, {
    token: null,
    method: 'POST',
    rawBody: signed.rawBody,
    headers: signed.headers,
    params: { provider: 'wechatpay' },
  });
const get = async (id: string, token?: string | null) => {
  const response = await callRoute(notificationRoute, { params: { id }, token });
  if (response.status === 200) getNotificationOperation.response.parse(response.json);
  return response;
};

describe('GET /api/notifications/{id}', () => {
  test('an applied notification and a rejected one, each with its raw body, headers and verdict', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: 'http://127.0.0.1:9/notify' });
    const payment = await makePayment(app.db, { merchantId: shop.id, amount: 1_500 });
    const signed = wechatPaidCallback(keys, payment);
    assert.equal((await post(signed)).status, 200);
    assert.equal((await post(signed)).status, 200);
    const forged = { ...signed, headers: { ...signed.headers, 'wechatpay-signature': Buffer.from('forged').toString('base64') } };
    assert.notEqual((await post(forged)).status, 200);

    const applied = await app.db.providerNotification.findFirstOrThrow({ where: { paymentId: payment.id, outcome: 'applied' } });
    const one = await get(applied.id);
    assert.equal(one.status, 200, one.text);
    assert.equal(one.json.rawBody, signed.rawBody);
    assert.equal(one.json.outcome, 'applied');
    assert.equal(one.json.receivedCount, 2);
    assert.equal(one.json.paymentId, payment.id);
    const headerNames = Object.keys(one.json.headers).map((name) => name.toLowerCase());
    assert.ok(headerNames.includes('wechatpay-signature'), headerNames.join(','));

    const rejected = await app.db.providerNotification.findFirstOrThrow({
      where: { outcome: 'rejected' },
      orderBy: { receivedAt: 'desc' },
    });
    const refused = await get(rejected.id);
    assert.equal(refused.status, 200, refused.text);
    assert.equal(refused.json.outcome, 'rejected');
    assert.ok(refused.json.reason, 'a rejected notification says why');
    assert.ok(signed.rawBody.startsWith(refused.json.rawBody.slice(0, 100)));
  });

  test('staff only; an unknown or malformed id is not found', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: 'http://127.0.0.1:9/notify' });
    const payment = await makePayment(app.db, { merchantId: shop.id, amount: 700 });
    assert.equal((await post(wechatPaidCallback(keys, payment))).status, 200);
    const row = await app.db.providerNotification.findFirstOrThrow({ where: { paymentId: payment.id } });
    assert.equal((await get(row.id, shop.apiKey)).status, 403);
    assert.equal((await get(row.id, null)).status, 401);
    assert.equal((await get('0196b0c4-0000-7000-8000-000000000000')).status, 404);
    // As for every id in a path: one that cannot exist is simply not found.
    assert.equal((await get('not-a-uuid')).status, 404);
  });
});
