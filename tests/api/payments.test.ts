import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as blockRoute } from '@/app/api/merchants/[id]/block/route';
import { POST as unblockRoute } from '@/app/api/merchants/[id]/unblock/route';
import { GET as getPaymentRoute } from '@/app/api/payments/[id]/route';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { POST as sandboxFaultsRoute } from '@/app/api/sandbox/faults/route';
import { makeMerchant, outTradeNo } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { paySandboxAndNotify } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

const providerTradeNoPattern = /^[A-Za-z0-9_]{6,32}$/;

function paymentBody(merchantId: string, overrides: Record<string, unknown> = {}) {
  return { merchantId, outTradeNo: outTradeNo(), amount: 1_280, currency: 'CNY', provider: 'sandbox', ...overrides };
}

function createPayment(body: Record<string, unknown>, token?: string) {
  return callRoute(createPaymentRoute, { token, body });
}

async function storedCounts() {
  return { payments: await app.db.payment.count(), attempts: await app.db.paymentAttempt.count() };
}

async function sandboxCreateFault(create: string) {
  const set = await callRoute(sandboxFaultsRoute, { body: { create } });
  assert.equal(set.status, 200, set.text);
}

describe('payments API', () => {
  test('places the order with the provider: 201 with our providerTradeNo and its payData, stored as shown', async () => {
    const merchant = await makeMerchant(app.db);
    const body = paymentBody(merchant.id, { description: 'Two coffees', expiresInSeconds: 900 });
    const before = Date.now();
    const created = await createPayment(body);
    assert.equal(created.status, 201, created.text);
    const payment = created.json;
    assert.equal(payment.status, 'pending');
    assert.equal(payment.merchantId, merchant.id);
    assert.equal(payment.outTradeNo, body.outTradeNo);
    assert.equal(payment.provider, 'sandbox');
    assert.equal(payment.amount, 1_280);
    assert.equal(payment.currency, 'CNY');
    assert.equal(payment.description, 'Two coffees');
    assert.equal(payment.paidAt, null);
    assert.equal(payment.providerTransactionId, null);
    assert.match(payment.providerTradeNo, providerTradeNoPattern);
    assert.notEqual(payment.providerTradeNo, body.outTradeNo, 'the provider sees our number, never the merchant’s');
    assert.match(payment.payData.codeUrl, /^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    const expiresAt = Date.parse(payment.expiresAt);
    assert.ok(expiresAt >= before + 900_000 && expiresAt <= Date.now() + 900_000, payment.expiresAt);

    const [attempt] = await app.db.paymentAttempt.findMany({ where: { paymentId: payment.id } });
    assert.deepEqual(
      [attempt.providerTradeNo, attempt.status, attempt.amount, attempt.currency, attempt.provider, attempt.merchantId],
      [payment.providerTradeNo, 'pending', 1_280, 'CNY', 'sandbox', merchant.id],
    );
    assert.deepEqual(attempt.payData, payment.payData);
    assert.ok(attempt.nextQueryAt && attempt.nextQueryAt > attempt.createdAt, 'its first status query is scheduled');
    const [exchange] = await app.db.providerExchange.findMany({ where: { attemptId: attempt.id } });
    assert.equal(exchange.operation, 'create_order');
    assert.equal(exchange.verdict, 'ok');
    assert.equal(JSON.parse(exchange.requestBody ?? '{}').out_trade_no, payment.providerTradeNo);
    const order = await app.db.sandboxOrder.findUniqueOrThrow({ where: { outTradeNo: payment.providerTradeNo } });
    assert.deepEqual([order.amount, order.state], [1_280, 'NOTPAY']);

    const fetched = await callRoute(getPaymentRoute, { params: { id: payment.id } });
    assert.equal(fetched.status, 200, fetched.text);
    assert.deepEqual(fetched.json, payment);
    const { attempts, refunds } = fetched.json;
    assert.deepEqual(refunds, []);
    assert.equal(fetched.json.refundedAmount, 0);
    assert.equal(attempts.length, 1);
    assert.deepEqual(
      [attempts[0].providerTradeNo, attempts[0].status, attempts[0].isPaidAttempt, attempts[0].queryCount],
      [payment.providerTradeNo, 'pending', false, 0],
    );
  });

  test('currency defaults to CNY and expiry to PAYMENT_EXPIRES_IN_SECONDS (2 hours)', async () => {
    const merchant = await makeMerchant(app.db);
    const { currency: _currency, ...body } = paymentBody(merchant.id);
    const created = await createPayment(body);
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.currency, 'CNY');
    const lifetime = Date.parse(created.json.expiresAt) - Date.parse(created.json.createdAt);
    assert.ok(Math.abs(lifetime - 7_200_000) < 5_000, `lifetime ${lifetime} ms`);
  });

  test('the same outTradeNo again while pending: 200 with a new attempt and a new providerTradeNo', async () => {
    const merchant = await makeMerchant(app.db);
    const body = paymentBody(merchant.id);
    const first = await createPayment(body);
    assert.equal(first.status, 201, first.text);
    const retry = await createPayment({ ...body, expiresInSeconds: 3_600 });
    assert.equal(retry.status, 200, retry.text);
    assert.equal(retry.json.id, first.json.id);
    assert.equal(retry.json.status, 'pending');
    assert.notEqual(retry.json.providerTradeNo, first.json.providerTradeNo);
    assert.notDeepEqual(retry.json.payData, first.json.payData);
    const attempts = await app.db.paymentAttempt.findMany({ where: { paymentId: first.json.id }, orderBy: { createdAt: 'asc' } });
    assert.deepEqual(
      attempts.map((a) => [a.providerTradeNo, a.status]),
      [
        [first.json.providerTradeNo, 'pending'],
        [retry.json.providerTradeNo, 'pending'],
      ],
    );
    assert.equal(await app.db.payment.count({ where: { merchantId: merchant.id } }), 1);
  });

  test('ten identical creations at once: one payment, one 201 and nine 200s, ten attempts with distinct numbers', async () => {
    const merchant = await makeMerchant(app.db);
    const body = paymentBody(merchant.id);
    const answers = await Promise.all(Array.from({ length: 10 }, () => createPayment(body)));
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    assert.equal(new Set(answers.map((a) => a.json.id)).size, 1);
    assert.equal(new Set(answers.map((a) => a.json.providerTradeNo)).size, 10);
    assert.equal(await app.db.paymentAttempt.count({ where: { paymentId: answers[0].json.id } }), 10);
  });

  test('another amount for the same outTradeNo is 409 and stores nothing; another merchant may use it', async () => {
    const a = await makeMerchant(app.db);
    const b = await makeMerchant(app.db);
    const body = paymentBody(a.id);
    assert.equal((await createPayment(body)).status, 201);
    const before = await storedCounts();
    for (const change of [{ amount: 999 }, { currency: 'USD' }]) {
      const again = await createPayment({ ...body, ...change });
      assert.equal(again.status, 409, again.text);
      assert.equal(again.json.error.code, 'conflict');
      assert.match(again.json.error.message, new RegExp(body.outTradeNo));
    }
    assert.deepEqual(await storedCounts(), before);
    const other = await createPayment({ ...body, merchantId: b.id });
    assert.equal(other.status, 201, other.text);
    assert.equal(other.json.merchantId, b.id);
    assert.notEqual(other.json.providerTradeNo, body.outTradeNo);
  });

  test('once paid, the same outTradeNo is 409 already_paid and no attempt is added', async () => {
    const merchant = await makeMerchant(app.db);
    const body = paymentBody(merchant.id);
    const created = await createPayment(body);
    await paySandboxAndNotify(app.db, created.json.id);
    const before = await storedCounts();
    const again = await createPayment(body);
    assert.equal(again.status, 409, again.text);
    assert.equal(again.json.error.code, 'already_paid');
    assert.deepEqual(await storedCounts(), before);
    const fetched = await callRoute(getPaymentRoute, { params: { id: created.json.id } });
    assert.equal(fetched.json.status, 'succeeded');
    assert.equal(fetched.json.attempts[0].isPaidAttempt, true);
    assert.equal(fetched.json.providerTradeNo, created.json.providerTradeNo);
  });

  test('a provider that cannot take the order: 502, nothing paid, the failed attempt kept with its exchange', async () => {
    const merchant = await makeMerchant(app.db);
    const cases = [
      { fault: 'error', code: 'provider_unavailable', reason: /500/ },
      { fault: 'bad_signature', code: 'provider_unavailable', reason: /not trusted/ },
      { fault: 'refuse', code: 'provider_refused', reason: /INVALID_REQUEST/ },
    ];
    const body = paymentBody(merchant.id);
    try {
      for (const { fault, code, reason } of cases) {
        await sandboxCreateFault(fault);
        const answer = await createPayment(body);
        assert.equal(answer.status, 502, `${fault}: ${answer.text}`);
        assert.equal(answer.json.error.code, code, fault);
        const attempt = await app.db.paymentAttempt.findUniqueOrThrow({
          where: { providerTradeNo: answer.json.error.details.providerTradeNo },
          include: { exchanges: true, payment: true },
        });
        assert.equal(attempt.status, 'failed', fault);
        assert.equal(attempt.payData, null);
        assert.match(attempt.failureReason ?? '', reason, fault);
        assert.equal(attempt.exchanges.length, 1);
        assert.notEqual(attempt.exchanges[0].verdict, 'ok');
        assert.equal(attempt.payment.status, 'pending', 'nothing is paid');
      }
    } finally {
      await sandboxCreateFault('none');
    }
    // The provider is back: the shopper's retry places a new attempt on the same payment.
    const retried = await createPayment(body);
    assert.equal(retried.status, 200, retried.text);
    assert.ok(retried.json.payData.codeUrl);
    const attempts = await app.db.paymentAttempt.findMany({ where: { paymentId: retried.json.id } });
    assert.deepEqual(attempts.map((a) => a.status).sort(), ['failed', 'failed', 'failed', 'pending']);
  });

  test('a provider this gateway has no client for is 503 and nothing is stored', async () => {
    const merchant = await makeMerchant(app.db);
    const before = await storedCounts();
    for (const provider of ['wechatpay', 'alipay']) {
      const answer = await createPayment(paymentBody(merchant.id, { provider }));
      assert.equal(answer.status, 503, answer.text);
      assert.equal(answer.json.error.code, 'unavailable');
    }
    assert.deepEqual(await storedCounts(), before);
  });

  test('a blocked merchant gets 403 merchant_blocked, for new orders and retries alike, and nothing is stored', async () => {
    const merchant = await makeMerchant(app.db);
    const pending = paymentBody(merchant.id);
    assert.equal((await createPayment(pending)).status, 201);
    const blocked = await callRoute(blockRoute, { params: { id: merchant.id }, body: { reason: 'suspected fake orders' } });
    assert.equal(blocked.status, 200, blocked.text);
    const before = await storedCounts();
    const refused = await createPayment(paymentBody(merchant.id));
    assert.equal(refused.status, 403, refused.text);
    assert.equal(refused.json.error.code, 'merchant_blocked');
    assert.match(refused.json.error.message, /blocked/);
    const refusedForKey = await createPayment(paymentBody(merchant.id), merchant.apiKey);
    assert.equal(refusedForKey.status, 403);
    assert.equal(refusedForKey.json.error.code, 'merchant_blocked');
    const refusedRetry = await createPayment(pending);
    assert.equal(refusedRetry.status, 403);
    assert.equal(refusedRetry.json.error.code, 'merchant_blocked');
    assert.deepEqual(await storedCounts(), before);
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
    const before = await storedCounts();
    const forOther = await createPayment(paymentBody(b.id), a.apiKey);
    // Another merchant's id answers exactly like an unknown one.
    assert.equal(forOther.status, 404, forOther.text);
    assert.equal(forOther.json.error.code, 'not_found');
    assert.deepEqual(await storedCounts(), before);

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
    const before = await storedCounts();
    const unknown = await createPayment(paymentBody('00000000-0000-7000-8000-000000000000'));
    assert.equal(unknown.status, 404, unknown.text);
    assert.equal(unknown.json.error.code, 'not_found');
    assert.deepEqual(await storedCounts(), before);
    assert.equal((await callRoute(getPaymentRoute, { params: { id: '00000000-0000-7000-8000-000000000000' } })).status, 404);
    assert.equal((await callRoute(getPaymentRoute, { params: { id: 'not-a-uuid' } })).status, 404);
  });

  test('refuses bad input with a clear error and stores nothing', async () => {
    const merchant = await makeMerchant(app.db);
    const body = paymentBody(merchant.id);
    const without = (key: string) => Object.fromEntries(Object.entries(body).filter(([name]) => name !== key));
    const invalid = (name: string, override: Record<string, unknown>, message: RegExp) => ({
      name,
      call: { body: { ...body, ...override } },
      status: 422,
      code: 'validation_failed',
      message,
    });
    const cases: { name: string; call: Parameters<typeof callRoute>[1]; status: number; code: string; message: RegExp }[] = [
      invalid('float amount', { amount: 12.8 }, /amount/),
      invalid('zero amount', { amount: 0 }, /amount/),
      invalid('negative amount', { amount: -100 }, /amount/),
      invalid('string amount', { amount: '1280' }, /amount/),
      invalid('lower-case currency', { currency: 'cny' }, /currency/),
      invalid('four-letter currency', { currency: 'CNYY' }, /currency/),
      invalid('unknown provider', { provider: 'paypal' }, /provider/),
      invalid('short outTradeNo', { outTradeNo: 'T1' }, /outTradeNo/),
      invalid('outTradeNo with spaces', { outTradeNo: 'ORDER 12345' }, /outTradeNo/),
      invalid('zero expiresInSeconds', { expiresInSeconds: 0 }, /expiresInSeconds/),
      invalid('fractional expiresInSeconds', { expiresInSeconds: 1.5 }, /expiresInSeconds/),
      invalid('expiresInSeconds past 7 days', { expiresInSeconds: 7 * 86_400 + 1 }, /expiresInSeconds/),
      invalid('string expiresInSeconds', { expiresInSeconds: '60' }, /expiresInSeconds/),
      invalid('long description', { description: 'x'.repeat(128) }, /description/),
      { name: 'missing merchantId', call: { body: without('merchantId') }, status: 422, code: 'validation_failed', message: /merchantId/ },
      { name: 'missing outTradeNo', call: { body: without('outTradeNo') }, status: 422, code: 'validation_failed', message: /outTradeNo/ },
      { name: 'missing amount', call: { body: without('amount') }, status: 422, code: 'validation_failed', message: /amount/ },
      { name: 'missing provider', call: { body: without('provider') }, status: 422, code: 'validation_failed', message: /provider/ },
      { name: 'empty object', call: { body: {} }, status: 422, code: 'validation_failed', message: /merchantId/ },
      invalid('non-uuid merchantId', { merchantId: 'merchant-1' }, /merchantId/),
      {
        name: 'not JSON',
        call: { rawBody: '{"merchantId":', headers: { 'content-type': 'application/json' } },
        status: 400,
        code: 'bad_request',
        message: /JSON/,
      },
      { name: 'empty body', call: { rawBody: '', method: 'POST' }, status: 400, code: 'bad_request', message: /JSON/ },
    ];
    const before = await storedCounts();
    for (const item of cases) {
      const response = await callRoute(createPaymentRoute, item.call);
      assert.equal(response.status, item.status, `${item.name}: ${response.text}`);
      assert.equal(response.json.error.code, item.code, item.name);
      assert.match(response.json.error.message, item.message, item.name);
    }
    assert.deepEqual(await storedCounts(), before);
  });

  test('an amount too large to store is refused as invalid input, not a server error', async () => {
    // The schema allows up to 10,000,000,000 minor units, but payment.amount is a PostgreSQL integer (max 2,147,483,647).
    const merchant = await makeMerchant(app.db);
    const before = await storedCounts();
    const response = await createPayment(paymentBody(merchant.id, { amount: 2_147_483_648 }));
    assert.equal(response.status, 422, response.text);
    assert.equal(response.json.error.code, 'validation_failed');
    assert.match(response.json.error.message, /amount/);
    assert.deepEqual(await storedCounts(), before);
  });

  test('needs a valid token', async () => {
    const merchant = await makeMerchant(app.db);
    const before = await storedCounts();
    const noToken = await callRoute(createPaymentRoute, { token: null, body: paymentBody(merchant.id) });
    assert.equal(noToken.status, 401);
    assert.equal(noToken.json.error.code, 'unauthorized');
    const wrong = await callRoute(createPaymentRoute, { token: 'mk_not-a-key', body: paymentBody(merchant.id) });
    assert.equal(wrong.status, 401);
    assert.deepEqual(await storedCounts(), before);
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
