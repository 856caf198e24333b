import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as blockRoute } from '@/app/api/merchants/[id]/block/route';
import { POST as unblockRoute } from '@/app/api/merchants/[id]/unblock/route';
import { GET as getPaymentRoute } from '@/app/api/payments/[id]/route';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { makeMerchant, outTradeNo } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

function paymentBody(merchantId: string, overrides: Record<string, unknown> = {}) {
  return { merchantId, outTradeNo: outTradeNo(), amount: 1_280, currency: 'CNY', provider: 'wechatpay', ...overrides };
}

function createPayment(body: Record<string, unknown>, token?: string) {
  return callRoute(createPaymentRoute, { token, body });
}

describe('payments API', () => {
  test('creates a pending payment and stores it as shown', async () => {
    const merchant = await makeMerchant(app.db);
    const body = paymentBody(merchant.id, { description: 'Two coffees' });
    const created = await createPayment(body);
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.status, 'pending');
    assert.equal(created.json.merchantId, merchant.id);
    assert.equal(created.json.outTradeNo, body.outTradeNo);
    assert.equal(created.json.amount, 1_280);
    assert.equal(created.json.currency, 'CNY');
    assert.equal(created.json.provider, 'wechatpay');
    assert.equal(created.json.description, 'Two coffees');
    assert.equal(created.json.paidAt, null);
    assert.equal(created.json.providerTransactionId, null);
    const stored = await app.db.payment.findUniqueOrThrow({ where: { id: created.json.id } });
    assert.deepEqual(
      [stored.merchantId, stored.outTradeNo, stored.amount, stored.currency, stored.provider, stored.status, stored.description],
      [merchant.id, body.outTradeNo, 1_280, 'CNY', 'wechatpay', 'pending', 'Two coffees'],
    );
    assert.ok(stored.expiresAt && stored.expiresAt > stored.createdAt, 'a pending payment expires');
    const fetched = await callRoute(getPaymentRoute, { params: { id: created.json.id } });
    assert.equal(fetched.status, 200, fetched.text);
    assert.deepEqual(fetched.json, created.json);
  });

  test('currency defaults to CNY', async () => {
    const merchant = await makeMerchant(app.db);
    const { currency: _currency, ...body } = paymentBody(merchant.id);
    const created = await createPayment(body);
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.currency, 'CNY');
  });

  test('a repeated outTradeNo is a conflict for the same merchant and fine for another', async () => {
    const a = await makeMerchant(app.db);
    const b = await makeMerchant(app.db);
    const body = paymentBody(a.id);
    assert.equal((await createPayment(body)).status, 201);
    const again = await createPayment({ ...body, amount: 999 });
    assert.equal(again.status, 409, again.text);
    assert.equal(again.json.error.code, 'conflict');
    assert.match(again.json.error.message, new RegExp(body.outTradeNo));
    assert.equal(await app.db.payment.count({ where: { merchantId: a.id, outTradeNo: body.outTradeNo } }), 1);
    const other = await createPayment({ ...body, merchantId: b.id });
    assert.equal(other.status, 201, other.text);
    assert.equal(other.json.merchantId, b.id);
  });

  test('a blocked merchant gets 403 merchant_blocked and nothing is stored; unblocked, it takes payments again', async () => {
    const merchant = await makeMerchant(app.db);
    const blocked = await callRoute(blockRoute, { params: { id: merchant.id }, body: { reason: 'suspected fake orders' } });
    assert.equal(blocked.status, 200, blocked.text);
    const before = await app.db.payment.count();
    const refused = await createPayment(paymentBody(merchant.id));
    assert.equal(refused.status, 403, refused.text);
    assert.equal(refused.json.error.code, 'merchant_blocked');
    assert.match(refused.json.error.message, /blocked/);
    const refusedForKey = await createPayment(paymentBody(merchant.id), merchant.apiKey);
    assert.equal(refusedForKey.status, 403);
    assert.equal(refusedForKey.json.error.code, 'merchant_blocked');
    assert.equal(await app.db.payment.count(), before);
    const unblocked = await callRoute(unblockRoute, { params: { id: merchant.id }, body: { reason: 'reviewed, genuine sales' } });
    assert.equal(unblocked.status, 200, unblocked.text);
    const created = await createPayment(paymentBody(merchant.id));
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.status, 'pending');
  });

  test('a merchant key creates and reads only its own payments', async () => {
    const a = await makeMerchant(app.db);
    const b = await makeMerchant(app.db);
    const own = await createPayment(paymentBody(a.id), a.apiKey);
    assert.equal(own.status, 201, own.text);
    assert.equal(own.json.merchantId, a.id);
    const before = await app.db.payment.count();
    const forOther = await createPayment(paymentBody(b.id), a.apiKey);
    // Another merchant's id answers exactly like an unknown one.
    assert.equal(forOther.status, 404, forOther.text);
    assert.equal(forOther.json.error.code, 'not_found');
    assert.equal(await app.db.payment.count(), before);

    const ofB = await createPayment(paymentBody(b.id), b.apiKey);
    assert.equal(ofB.status, 201);
    assert.equal((await callRoute(getPaymentRoute, { token: a.apiKey, params: { id: own.json.id } })).status, 200);
    // Another merchant's payment answers exactly like a missing one: its existence is not revealed.
    const other = await callRoute(getPaymentRoute, { token: a.apiKey, params: { id: ofB.json.id } });
    const missing = await callRoute(getPaymentRoute, { token: a.apiKey, params: { id: '00000000-0000-7000-8000-000000000000' } });
    assert.equal(other.status, 404, other.text);
    assert.equal(other.json.error.code, 'not_found');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error.code, 'not_found');
    assert.equal((await callRoute(getPaymentRoute, { params: { id: ofB.json.id } })).status, 200, 'the admin sees all');
  });

  test('an unknown merchant or payment is 404', async () => {
    const before = await app.db.payment.count();
    const unknown = await createPayment(paymentBody('00000000-0000-7000-8000-000000000000'));
    assert.equal(unknown.status, 404, unknown.text);
    assert.equal(unknown.json.error.code, 'not_found');
    assert.equal(await app.db.payment.count(), before);
    assert.equal((await callRoute(getPaymentRoute, { params: { id: '00000000-0000-7000-8000-000000000000' } })).status, 404);
    assert.equal((await callRoute(getPaymentRoute, { params: { id: 'not-a-uuid' } })).status, 404);
  });

  test('refuses bad input with a clear error and stores nothing', async () => {
    const merchant = await makeMerchant(app.db);
    const body = paymentBody(merchant.id);
    const without = (key: string) => Object.fromEntries(Object.entries(body).filter(([name]) => name !== key));
    const cases: { name: string; call: Parameters<typeof callRoute>[1]; status: number; code: string; message: RegExp }[] = [
      { name: 'float amount', call: { body: { ...body, amount: 12.8 } }, status: 422, code: 'validation_failed', message: /amount/ },
      { name: 'zero amount', call: { body: { ...body, amount: 0 } }, status: 422, code: 'validation_failed', message: /amount/ },
      { name: 'negative amount', call: { body: { ...body, amount: -100 } }, status: 422, code: 'validation_failed', message: /amount/ },
      { name: 'string amount', call: { body: { ...body, amount: '1280' } }, status: 422, code: 'validation_failed', message: /amount/ },
      {
        name: 'lower-case currency',
        call: { body: { ...body, currency: 'cny' } },
        status: 422,
        code: 'validation_failed',
        message: /currency/,
      },
      {
        name: 'four-letter currency',
        call: { body: { ...body, currency: 'CNYY' } },
        status: 422,
        code: 'validation_failed',
        message: /currency/,
      },
      {
        name: 'unknown provider',
        call: { body: { ...body, provider: 'paypal' } },
        status: 422,
        code: 'validation_failed',
        message: /provider/,
      },
      {
        name: 'short outTradeNo',
        call: { body: { ...body, outTradeNo: 'T1' } },
        status: 422,
        code: 'validation_failed',
        message: /outTradeNo/,
      },
      {
        name: 'outTradeNo with spaces',
        call: { body: { ...body, outTradeNo: 'ORDER 12345' } },
        status: 422,
        code: 'validation_failed',
        message: /outTradeNo/,
      },
      { name: 'missing merchantId', call: { body: without('merchantId') }, status: 422, code: 'validation_failed', message: /merchantId/ },
      { name: 'missing outTradeNo', call: { body: without('outTradeNo') }, status: 422, code: 'validation_failed', message: /outTradeNo/ },
      { name: 'missing amount', call: { body: without('amount') }, status: 422, code: 'validation_failed', message: /amount/ },
      { name: 'missing provider', call: { body: without('provider') }, status: 422, code: 'validation_failed', message: /provider/ },
      { name: 'empty object', call: { body: {} }, status: 422, code: 'validation_failed', message: /merchantId/ },
      {
        name: 'non-uuid merchantId',
        call: { body: { ...body, merchantId: 'merchant-1' } },
        status: 422,
        code: 'validation_failed',
        message: /merchantId/,
      },
      {
        name: 'not JSON',
        call: { rawBody: '{"merchantId":', headers: { 'content-type': 'application/json' } },
        status: 400,
        code: 'bad_request',
        message: /JSON/,
      },
      { name: 'empty body', call: { rawBody: '', method: 'POST' }, status: 400, code: 'bad_request', message: /JSON/ },
    ];
    const before = await app.db.payment.count();
    for (const item of cases) {
      const response = await callRoute(createPaymentRoute, item.call);
      assert.equal(response.status, item.status, `${item.name}: ${response.text}`);
      assert.equal(response.json.error.code, item.code, item.name);
      assert.match(response.json.error.message, item.message, item.name);
    }
    assert.equal(await app.db.payment.count(), before);
  });

  test('an amount too large to store is refused as invalid input, not a server error', async () => {
    // The schema allows up to 10,000,000,000 minor units, but payment.amount is a PostgreSQL integer (max 2,147,483,647).
    const merchant = await makeMerchant(app.db);
    const before = await app.db.payment.count();
    const response = await createPayment(paymentBody(merchant.id, { amount: 2_147_483_648 }));
    assert.equal(response.status, 422, response.text);
    assert.equal(response.json.error.code, 'validation_failed');
    assert.match(response.json.error.message, /amount/);
    assert.equal(await app.db.payment.count(), before);
  });

  test('needs a valid token', async () => {
    const merchant = await makeMerchant(app.db);
    const before = await app.db.payment.count();
    const noToken = await callRoute(createPaymentRoute, { token: null, body: paymentBody(merchant.id) });
    assert.equal(noToken.status, 401);
    assert.equal(noToken.json.error.code, 'unauthorized');
    const wrong = await callRoute(createPaymentRoute, { token: 'mk_not-a-key', body: paymentBody(merchant.id) });
    assert.equal(wrong.status, 401);
    assert.equal(await app.db.payment.count(), before);
    const created = await createPayment(paymentBody(merchant.id));
    const read = await callRoute(getPaymentRoute, { token: null, params: { id: created.json.id } });
    assert.equal(read.status, 401);
    assert.equal(read.json.error.code, 'unauthorized');
  });

  test('no payment is created once a concurrent block has committed', async () => {
    // Which side of the block each creation lands on varies from run to run: race it a few times.
    for (let round = 0; round < 5; round += 1) {
      const merchant = await makeMerchant(app.db);
      const create = () => createPayment(paymentBody(merchant.id));
      // The block starts in the middle of the burst, so creations race it from both sides.
      const early = Array.from({ length: 10 }, create);
      const block = callRoute(blockRoute, { params: { id: merchant.id }, body: { reason: 'velocity spike' } });
      const late = Array.from({ length: 10 }, create);
      const [blocked, ...answers] = await Promise.all([block, ...early, ...late]);
      assert.equal(blocked.status, 200, blocked.text);
      for (const answer of answers) {
        assert.ok(answer.status === 201 || (answer.status === 403 && answer.json.error.code === 'merchant_blocked'), answer.text);
      }
      const payments = await app.db.payment.findMany({ where: { merchantId: merchant.id } });
      assert.equal(payments.length, answers.filter((answer) => answer.status === 201).length);
      const audit = await app.db.merchantBlockEvent.findFirstOrThrow({ where: { merchantId: merchant.id, action: 'blocked' } });
      // The block's UPDATE waits for every FOR SHARE holder to commit, so each payment was written before the
      // audit row (equal is possible: both times are stored to the millisecond).
      for (const payment of payments) {
        assert.ok(
          payment.createdAt <= audit.createdAt,
          `payment ${payment.id} at ${payment.createdAt.toISOString()} after the block at ${audit.createdAt.toISOString()}`,
        );
      }
      const after = await createPayment(paymentBody(merchant.id));
      assert.equal(after.status, 403);
      assert.equal(after.json.error.code, 'merchant_blocked');
    }
  });
});
