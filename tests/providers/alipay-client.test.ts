import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, test } from 'node:test';
import { createAlipayClient } from '@/server/providers/alipay/create-alipay-client';
import { createAlipayClientFromEnv } from '@/server/providers/alipay/create-alipay-client-from-env';
import { parseAlipayCallback } from '@/server/providers/alipay/parse-alipay-callback';
import { startFakeProvider } from '@/tests/helpers/fake-provider/start-fake-provider';
import { expectFailure } from '@/tests/helpers/provider-result';

const fake = await startFakeProvider();
const client = createAlipayClient(fake.alipay.clientConfig());
let sequence = 0;
const tradeNo = () => `PA${Date.now()}${++sequence}`;
const notifyUrl = 'https://gateway.example/api/callbacks/alipay';

function order(amount = 1_280, providerTradeNo = tradeNo()) {
  return {
    providerTradeNo,
    amount,
    currency: 'CNY',
    description: 'Store 42 - till 3',
    expiresAt: new Date('2026-03-01T02:15:00Z'),
    notifyUrl,
  };
}

async function paidOrder(amount = 1_280) {
  const input = order(amount);
  assert.ok((await client.createOrder(input)).ok);
  const { transactionId } = await fake.alipay.pay(input.providerTradeNo, { notify: 'lost' });
  return { ...input, transactionId };
}

const refundInput = (paid: { providerTradeNo: string; amount: number }, amount: number, providerRefundNo = `RF${tradeNo()}`) => ({
  providerTradeNo: paid.providerTradeNo,
  providerRefundNo,
  amount,
  totalAmount: paid.amount,
  currency: 'CNY',
  reason: 'customer',
  notifyUrl,
});

describe('Alipay client against the fake provider', () => {
  test('precreate: common parameters signed RSA2, amount as exact yuan, qr_code as payData, the sign masked in the exchange', async () => {
    const input = order(1_280);
    const result = await client.createOrder(input);
    assert.ok(result.ok, JSON.stringify(result));
    assert.match(result.value.qrCode, /^https:\/\/qr\.alipay\.com\/bax/, 'the escaped \\/ of the answer read back as /');
    const received = fake.requests.at(-1)!;
    assert.equal(received.signatureError, null, 'the fake verified our sign with the app public key');
    const query = new URL(received.url, fake.url).searchParams;
    assert.deepEqual([...query.keys()].sort(), [
      'app_id',
      'charset',
      'format',
      'method',
      'notify_url',
      'sign',
      'sign_type',
      'timestamp',
      'version',
    ]);
    assert.equal(query.get('method'), 'alipay.trade.precreate');
    assert.equal(query.get('format'), 'JSON');
    assert.equal(query.get('charset'), 'utf-8');
    assert.equal(query.get('sign_type'), 'RSA2');
    assert.equal(query.get('version'), '1.0');
    assert.equal(query.get('notify_url'), notifyUrl);
    assert.match(query.get('timestamp')!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const biz = JSON.parse(new URLSearchParams(received.body).get('biz_content')!);
    assert.deepEqual(biz, {
      out_trade_no: input.providerTradeNo,
      total_amount: '12.80',
      subject: 'Store 42 - till 3',
      time_expire: '2026-03-01 10:15:00',
    });
    const { exchange } = result;
    assert.equal(exchange.verdict, 'ok');
    assert.equal(exchange.operation, 'create_order');
    assert.match(exchange.url, /[?&]sign=\*\*\*(&|$)/);
    assert.ok(!JSON.stringify(exchange).includes(query.get('sign')!), 'our sign never leaves in an exchange');
    assert.ok(exchange.responseBody!.includes('"sign":'), 'Alipay’s own sign is kept as evidence');
  });

  test('amounts are exact both ways: 0.01 and 21474836.47', async () => {
    for (const amount of [1, 2_147_483_647]) {
      const paid = await paidOrder(amount);
      const biz = JSON.parse(new URLSearchParams(fake.requests.findLast((r) => r.operation === 'create_order')!.body).get('biz_content')!);
      assert.equal(biz.total_amount, amount === 1 ? '0.01' : '21474836.47');
      const state = await client.queryOrder({ providerTradeNo: paid.providerTradeNo, amount });
      assert.ok(state.ok && state.value.state === 'paid' && state.value.amount === amount, JSON.stringify(state));
    }
  });

  test('query: unknown until scanned, then pending, paid, still paid once refunded in full (TRADE_CLOSED), closed if never paid', async () => {
    const input = order();
    await client.createOrder(input);
    const unscanned = await client.queryOrder({ providerTradeNo: input.providerTradeNo });
    assert.ok(unscanned.ok);
    assert.deepEqual(unscanned.value, { state: 'not_found', tradeState: 'ACQ.TRADE_NOT_EXIST' });
    fake.alipay.scan(input.providerTradeNo);
    const pending = await client.queryOrder({ providerTradeNo: input.providerTradeNo });
    assert.ok(pending.ok);
    assert.deepEqual(pending.value, { state: 'pending', tradeState: 'WAIT_BUYER_PAY' });
    const at = new Date('2026-03-01T02:03:04.000Z');
    const { transactionId } = await fake.alipay.pay(input.providerTradeNo, { notify: 'lost', at, buyerId: '2088000000000042' });
    const paid = await client.queryOrder({ providerTradeNo: input.providerTradeNo, amount: 1_280 });
    assert.ok(paid.ok);
    assert.deepEqual(paid.value, {
      state: 'paid',
      providerTransactionId: transactionId,
      amount: 1_280,
      currency: 'CNY',
      paidAt: at,
      payer: '2088000000000042',
      device: null,
      tradeState: 'TRADE_SUCCESS',
    });
    assert.ok((await client.refund(refundInput(input, 1_280))).ok);
    const refunded = await client.queryOrder({ providerTradeNo: input.providerTradeNo });
    assert.ok(refunded.ok && refunded.value.state === 'paid' && refunded.value.tradeState === 'TRADE_CLOSED', JSON.stringify(refunded));
    const never = order();
    await client.createOrder(never);
    fake.alipay.setTradeState(never.providerTradeNo, 'TRADE_CLOSED');
    const closed = await client.queryOrder({ providerTradeNo: never.providerTradeNo });
    assert.ok(closed.ok);
    assert.deepEqual(closed.value, { state: 'closed', tradeState: 'TRADE_CLOSED' });
  });

  test('close: a scanned unpaid trade closes; an unscanned one is unknown; a paid one is refused', async () => {
    const input = order();
    await client.createOrder(input);
    assert.equal(expectFailure(await client.closeOrder(input)).failure.code, 'ACQ.TRADE_NOT_EXIST');
    fake.alipay.scan(input.providerTradeNo);
    assert.ok((await client.closeOrder(input)).ok);
    assert.equal(fake.alipay.trades.get(input.providerTradeNo)!.status, 'TRADE_CLOSED');
    const paid = await paidOrder();
    const refused = expectFailure(await client.closeOrder(paid));
    assert.deepEqual(refused.failure, { kind: 'refused', code: 'ACQ.TRADE_STATUS_ERROR', message: '交易状态不合法' });
  });

  test('refund: fund_change Y succeeds at once; the same number again changes nothing and is confirmed by query', async () => {
    const paid = await paidOrder(1_000);
    const input = refundInput(paid, 300);
    const first = await client.refund(input);
    assert.ok(first.ok, JSON.stringify(first));
    assert.equal(first.value.state, 'succeeded');
    assert.equal(first.value.providerRefundId, `${paid.transactionId}:${input.providerRefundNo}`);
    assert.ok(first.value.succeededAt instanceof Date);
    const again = await client.refund(input);
    assert.ok(again.ok);
    assert.equal(again.value.state, 'processing', 'a repeat moves no money (fund_change N): only a query can tell');
    assert.equal([...fake.alipay.refunds.values()].filter((refund) => refund.outTradeNo === paid.providerTradeNo).length, 1);
    const queried = await client.queryRefund({ ...input, amount: 300 });
    assert.ok(queried.ok, JSON.stringify(queried));
    assert.equal(queried.value.state, 'succeeded');
    assert.equal(queried.value.amount, 300);
    assert.ok(queried.value.succeededAt instanceof Date);
    const other = expectFailure(await client.refund({ ...input, amount: 301 }));
    assert.equal(other.failure.code, 'ACQ.DISCORDANT_REPEAT_REQUEST');
    const unknown = await client.queryRefund({ providerTradeNo: paid.providerTradeNo, providerRefundNo: 'RF-NEVER' });
    assert.ok(unknown.ok);
    assert.equal(unknown.value.state, 'not_found');
  });

  test('refund in processing ends by query: success, or failure (Alipay then knows no such refund)', async () => {
    const paid = await paidOrder(1_000);
    fake.alipay.setRefundMode('processing');
    try {
      const kept = refundInput(paid, 100);
      const lost = refundInput(paid, 200);
      for (const input of [kept, lost]) {
        const result = await client.refund(input);
        assert.ok(result.ok && result.value.state === 'processing', JSON.stringify(result));
        const read = await client.queryRefund(input);
        assert.ok(read.ok && read.value.state === 'processing' && read.value.amount === input.amount, JSON.stringify(read));
      }
      await fake.alipay.settleRefund(paid.providerTradeNo, kept.providerRefundNo, 'SUCCESS', { notify: 'lost' });
      await fake.alipay.settleRefund(paid.providerTradeNo, lost.providerRefundNo, 'FAILED');
      const succeeded = await client.queryRefund(kept);
      assert.ok(succeeded.ok && succeeded.value.state === 'succeeded');
      const failed = await client.queryRefund(lost);
      assert.ok(failed.ok && failed.value.state === 'not_found');
    } finally {
      fake.alipay.setRefundMode('succeed');
    }
  });

  test('refund refusals: more than is left, an unpaid trade, an unknown trade', async () => {
    const paid = await paidOrder(1_000);
    assert.ok((await client.refund(refundInput(paid, 600))).ok);
    const over = expectFailure(await client.refund(refundInput(paid, 401)));
    assert.deepEqual(over.failure, { kind: 'refused', code: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', message: '退款金额超限' });
    assert.ok((await client.refund(refundInput(paid, 400))).ok, 'exactly what is left is fine');
    const unpaid = order();
    await client.createOrder(unpaid);
    fake.alipay.scan(unpaid.providerTradeNo);
    assert.equal(expectFailure(await client.refund(refundInput(unpaid, 1))).failure.code, 'ACQ.TRADE_STATUS_ERROR');
    assert.equal(expectFailure(await client.refund(refundInput(order(), 1))).failure.code, 'ACQ.TRADE_NOT_EXIST');
  });

  test('an unsigned or forged answer is untrusted, and so is a signed one about another amount or order', async () => {
    const paid = await paidOrder();
    for (const kind of ['bad_signature', 'no_signature', 'wrong_amount', 'wrong_out_trade_no'] as const) {
      fake.failNext({ kind }, { provider: 'alipay', operation: 'query_order' });
      const result = expectFailure(await client.queryOrder({ providerTradeNo: paid.providerTradeNo, amount: paid.amount }));
      assert.equal(result.failure.kind, 'untrusted', kind);
      assert.equal(result.exchange.verdict, 'rejected', kind);
    }
    fake.failNext({ kind: 'no_signature' }, { provider: 'alipay', operation: 'query_order' });
    assert.equal(
      expectFailure(await client.queryOrder({ providerTradeNo: tradeNo() })).failure.kind,
      'untrusted',
      'an unsigned TRADE_NOT_EXIST is not not_found',
    );
    const refund = refundInput(paid, 100);
    await client.refund(refund);
    fake.failNext({ kind: 'wrong_amount' }, { provider: 'alipay', operation: 'query_refund' });
    assert.match(
      expectFailure(await client.queryRefund({ ...refund, amount: 100 })).failure.message,
      /^refund_amount 101 in the answer is not ours \(100\)$/,
    );
    fake.failNext(
      { kind: 'tamper', change: (answer) => (answer.total_amount = '12.801') },
      { provider: 'alipay', operation: 'query_order' },
    );
    assert.match(
      expectFailure(await client.queryOrder({ providerTradeNo: paid.providerTradeNo })).failure.message,
      /total_amount "12.801" is not a yuan amount/,
    );
    fake.failNext({ kind: 'tamper', change: (answer) => (answer.refund_fee = '0.00') }, { provider: 'alipay', operation: 'refund' });
    assert.match(expectFailure(await client.refund(refundInput(paid, 100))).failure.message, /refund_fee 0.00 cannot include this refund/);
  });

  test('a 502, a timeout, a reset and Alipay’s system error are unavailable', async () => {
    const quick = createAlipayClient(fake.alipay.clientConfig({ timeoutMs: 300 }));
    const input = order();
    for (const fault of [
      { kind: 'http_error' },
      { kind: 'timeout' },
      { kind: 'reset' },
      { kind: 'business_error', code: 'ACQ.SYSTEM_ERROR' },
    ] as const) {
      fake.failNext(fault, { provider: 'alipay', operation: 'create_order' });
      const result = expectFailure(await quick.createOrder(input));
      assert.equal(result.failure.kind, 'unavailable', fault.kind);
    }
    assert.equal(fake.alipay.trades.has(input.providerTradeNo), false);
    assert.ok((await quick.createOrder(input)).ok);
  });

  test('requests signed with another app key are refused by Alipay (isv.invalid-signature) and change nothing', async () => {
    const stranger = createAlipayClient(
      fake.alipay.clientConfig({ appPrivateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }),
    );
    const input = order();
    const result = expectFailure(await stranger.createOrder(input));
    assert.deepEqual([result.failure.kind, result.failure.code], ['refused', 'isv.invalid-signature']);
    assert.match(fake.requests.at(-1)!.signatureError!, /sign does not match/);
    assert.equal(fake.alipay.trades.has(input.providerTradeNo), false);
  });

  test('the fake’s payment and refund notifications pass our own Alipay verifier', async () => {
    const paid = await paidOrder(1_000);
    const payment = parseAlipayCallback({
      rawBody: fake.alipay.paymentNotification(paid.providerTradeNo).rawBody,
      alipayPublicKey: fake.alipay.keys.alipayPublicKey,
      appId: fake.alipay.keys.appId,
    });
    assert.deepEqual(
      [payment.kind, payment.outTradeNo, payment.providerTransactionId, payment.amount],
      ['payment', paid.providerTradeNo, paid.transactionId, 1_000],
    );
    const refund = refundInput(paid, 250);
    await client.refund(refund);
    const notified = parseAlipayCallback({
      rawBody: fake.alipay.refundNotification(paid.providerTradeNo, refund.providerRefundNo).rawBody,
      alipayPublicKey: fake.alipay.keys.alipayPublicKey,
      appId: fake.alipay.keys.appId,
    });
    assert.ok(
      notified.kind === 'refund' && notified.outRefundNo === refund.providerRefundNo && notified.amount === 250,
      JSON.stringify(notified),
    );
  });

  test('from the environment: null without an app private key, an error naming what is missing when half, a working client when whole', async () => {
    const base = { ALIPAY_GATEWAY_URL: `${fake.url}/gateway.do`, PROVIDER_TIMEOUT_MS: 2_000 };
    assert.equal(createAlipayClientFromEnv({ ...base, ALIPAY_APP_ID: '2021', ALIPAY_PUBLIC_KEY: fake.env.ALIPAY_PUBLIC_KEY }), null);
    assert.throws(
      () => createAlipayClientFromEnv({ ...base, ALIPAY_APP_PRIVATE_KEY: fake.env.ALIPAY_APP_PRIVATE_KEY }),
      /half configured: set ALIPAY_APP_ID, ALIPAY_PUBLIC_KEY as well/,
    );
    const fromEnv = createAlipayClientFromEnv({ ...fake.env, ...base });
    assert.ok(fromEnv);
    assert.ok((await fromEnv.createOrder(order())).ok);
    const bare = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');
    const fromBareKeys = createAlipayClientFromEnv({
      ...fake.env,
      ...base,
      ALIPAY_APP_PRIVATE_KEY: bare(fake.env.ALIPAY_APP_PRIVATE_KEY),
      ALIPAY_PUBLIC_KEY: bare(fake.env.ALIPAY_PUBLIC_KEY),
    });
    assert.ok((await fromBareKeys!.createOrder(order())).ok, 'the bare base64 keys of the Alipay console work too');
  });
});
