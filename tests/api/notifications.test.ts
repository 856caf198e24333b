import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { GET as notificationRoute } from '@/app/api/notifications/[id]/route';
import { GET as notificationsRoute } from '@/app/api/notifications/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { getNotificationOperation, listNotificationsOperation } from '@/contracts/notifications';
import { databaseDigest } from '@/tests/helpers/database-digest';
import { asUser, signedInUser } from '@/tests/helpers/sign-in-user';
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

async function list(query: string, caller: object = {}) {
  const response = await callRoute(notificationsRoute, { ...caller, url: `http://localhost/api/notifications?${query}` });
  const body = response.status === 200 ? listNotificationsOperation.response.parse(response.json) : undefined;
  return { ...response, body };
}

describe('GET /api/notifications', () => {
  test('the inbox newest first, rejected ones included, filtered by provider, kind, outcome and time, page after page', async () => {
    const from = new Date().toISOString();
    const shop = await makeMerchant(app.db, { notifyUrl: 'http://127.0.0.1:9/notify' });
    const paid = [];
    for (let i = 0; i < 3; i++) {
      const payment = await makePayment(app.db, { merchantId: shop.id, amount: 100 + i });
      const signed = wechatPaidCallback(keys, payment);
      assert.equal((await post(signed)).status, 200);
      paid.push({ payment, signed });
    }
    const forged = {
      ...paid[0].signed,
      headers: { ...paid[0].signed.headers, 'wechatpay-signature': Buffer.from('no').toString('base64') },
    };
    assert.notEqual((await post(forged)).status, 200);
    const until = new Date(Date.now() + 1_000).toISOString();
    const stored = await app.db.providerNotification.findMany({
      where: { receivedAt: { gte: new Date(from) } },
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    });
    assert.equal(stored.length, 4);

    const pages = [];
    let cursor = '';
    for (;;) {
      const page = await list(`since=${from}&until=${until}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200, page.text);
      pages.push(...page.body!.items);
      if (!page.body!.nextCursor) break;
      cursor = page.body!.nextCursor;
    }
    assert.deepEqual(
      pages.map((item) => item.id),
      stored.map((row) => row.id),
    );
    assert.ok(!('rawBody' in pages[0]) && !('headers' in pages[0]), 'the list leaves raw bodies to the one-row read');

    const rejected = await list(`since=${from}&outcome=rejected`);
    assert.equal(rejected.body!.items.length, 1);
    assert.equal(rejected.body!.items[0].outcome, 'rejected');
    assert.ok(rejected.body!.items[0].reason);
    const applied = await list(`since=${from}&provider=wechatpay&kind=payment&outcome=applied`);
    assert.deepEqual(applied.body!.items.map((item) => item.paymentId).sort(), paid.map(({ payment }) => payment.id).sort());
    assert.deepEqual((await list(`since=${from}&provider=alipay`)).body!.items, []);
    assert.deepEqual((await list(`until=${from}&outcome=applied&kind=refund`)).body!.items, []);
  });

  test('staff only; bad filters and cursors are refused with 422 and change nothing', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: 'http://127.0.0.1:9/notify' });
    assert.equal((await list('', asUser(await signedInUser(app.db, 'analyst')))).status, 200);
    assert.equal((await list('', { token: shop.apiKey })).status, 403);
    assert.equal((await list('', asUser(await signedInUser(app.db, 'owner', shop.id)))).status, 403);
    assert.equal((await list('', { token: null })).status, 401);
    const before = await databaseDigest(app.db, ['api_rate_limit']);
    for (const bad of [
      'cursor=garbage',
      'provider=paypal',
      'kind=refunds',
      'outcome=accepted',
      'since=today',
      'since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z',
      'limit=0',
      'limit=1000',
    ]) {
      const response = await list(bad);
      assert.equal(response.status, 422, `${bad} → ${response.status} ${response.text}`);
    }
    assert.deepEqual(await databaseDigest(app.db, ['api_rate_limit']), before);
  });
});
