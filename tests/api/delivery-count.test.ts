import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GET as countRoute } from '@/app/api/deliveries/count/route';
import { GET as listRoute } from '@/app/api/deliveries/route';
import { makeMerchant } from '@/prisma/seed/factories';
import { bulkRedeliverLimit, countDeliveriesOperation } from '@/contracts/delivery-count';
import { callRoute } from '@/tests/helpers/call-route';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const app = useApp(keys.env);

const count = async (query: string, token?: string | null) => {
  const response = await callRoute(countRoute, { url: `http://localhost/api/deliveries/count?${query}`, token });
  if (response.status === 200) countDeliveriesOperation.response.parse(response.json);
  return response;
};

describe('GET /api/deliveries/count', () => {
  test('counts what the list with the same filter shows, within the merchant scope', async () => {
    const shop = await makeMerchant(app.db);
    const other = await makeMerchant(app.db);
    const paid = [];
    for (let i = 0; i < 3; i++) paid.push(await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id }));
    await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: other.id });
    await app.db.delivery.update({ where: { id: paid[0].delivery.id }, data: { status: 'failed' } });
    for (const query of [
      `merchantId=${shop.id}`,
      `merchantId=${shop.id}&status=failed`,
      'status=pending',
      `paymentId=${paid[1].payment.id}`,
      '',
    ]) {
      const listed = await callRoute(listRoute, { url: `http://localhost/api/deliveries?${query}&limit=200` });
      assert.deepEqual((await count(query)).json, { count: listed.json.items.length, capped: false, cap: bulkRedeliverLimit }, query);
    }
    assert.equal((await count('', shop.apiKey)).json.count, 3);
    assert.equal((await count(`merchantId=${other.id}`, shop.apiKey)).status, 404);
    assert.equal((await count('', null)).status, 401);
    for (const bad of ['status=lost', 'since=soon', 'merchantId=x']) assert.equal((await count(bad)).status, 422, bad);
  });

  test('stops counting one past the most a bulk redelivery takes, and says so', async () => {
    const shop = await makeMerchant(app.db);
    // Set-based, as a merchant whose endpoint was down for a day would have them.
    await app.db.$executeRaw`
      WITH p AS (
        INSERT INTO payment (id, merchant_id, out_trade_no, provider, amount, status, updated_at)
        SELECT gen_random_uuid(), ${shop.id}::uuid, 'BULK' || g, 'wechatpay', 100, 'pending', now() FROM generate_series(1, ${bulkRedeliverLimit + 5}) g
        RETURNING id, merchant_id)
      INSERT INTO delivery (id, merchant_id, payment_id, event_type, payload, status, updated_at)
      SELECT gen_random_uuid(), merchant_id, id, 'payment.succeeded', '{}', 'failed', now() FROM p`;
    assert.deepEqual((await count(`merchantId=${shop.id}&status=failed`)).json, {
      count: bulkRedeliverLimit,
      capped: true,
      cap: bulkRedeliverLimit,
    });
  });
});
