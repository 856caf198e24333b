// SANDBOX_ENABLED=false (production): the sandbox provider and its routes do not exist.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { POST as providerFaultsRoute } from '@/app/api/sandbox/faults/route';
import { POST as faultsRoute } from '@/app/api/sandbox/payments/[id]/faults/route';
import { POST as payRoute } from '@/app/api/sandbox/payments/[id]/pay/route';
import { makeMerchant, makePayment, outTradeNo } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { databaseDigest } from '@/tests/helpers/database-digest';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp({ SANDBOX_ENABLED: 'false' });

describe('with the sandbox turned off', () => {
  test('its routes answer 404 to everyone, and a payment cannot choose it; nothing is stored', async () => {
    const shop = await makeMerchant(app.db);
    const payment = await makePayment(app.db, { merchantId: shop.id, provider: 'wechatpay' });
    const before = await databaseDigest(app.db, ['api_rate_limit', 'rate_limit']);
    for (const token of [undefined, shop.apiKey, null]) {
      const params = { id: payment.id };
      for (const [route, body] of [
        [payRoute, {}],
        [faultsRoute, { query: 'error' }],
        [providerFaultsRoute, { create: 'error' }],
      ] as const) {
        const answer = await callRoute(route, { params, body, token });
        assert.equal(answer.status, 404, answer.text);
        assert.equal(answer.json.error.code, 'not_found');
      }
    }
    const callback = await callRoute(callbackRoute, { token: null, method: 'POST', rawBody: '{}', params: { provider: 'sandbox' } });
    assert.equal(callback.status, 404);
    const created = await callRoute(createPaymentRoute, {
      body: { merchantId: shop.id, outTradeNo: outTradeNo(), amount: 100, provider: 'sandbox' },
    });
    assert.equal(created.status, 422, created.text);
    assert.match(created.json.error.message, /sandbox is turned off/);
    assert.deepEqual(await databaseDigest(app.db, ['api_rate_limit', 'rate_limit']), before);
  });
});
