import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import net from 'node:net';
import { describe, test } from 'node:test';
import { createWechatpayClient } from '@/server/providers/wechatpay/create-wechatpay-client';
import { createWechatpayClientFromEnv } from '@/server/providers/wechatpay/create-wechatpay-client-from-env';
import { startFakeProvider } from '@/tests/helpers/fake-provider/start-fake-provider';
import { expectFailure } from '@/tests/helpers/provider-result';

const fake = await startFakeProvider();
const client = createWechatpayClient(fake.wechatpay.clientConfig());
let sequence = 0;
const tradeNo = () => `PT${Date.now()}${++sequence}`;

function order(providerTradeNo = tradeNo(), amount = 1_280) {
  return {
    providerTradeNo,
    amount,
    currency: 'CNY',
    description: 'Store 42 - till 3',
    expiresAt: new Date(Date.now() + 15 * 60_000),
    notifyUrl: 'https://gateway.example/api/callbacks/wechatpay',
  };
}

async function paidOrder(amount = 1_280) {
  const input = order(tradeNo(), amount);
  const created = await client.createOrder(input);
  assert.ok(created.ok, JSON.stringify(created));
  const paid = await fake.wechatpay.pay(input.providerTradeNo, { notify: 'lost' });
  return { ...input, transactionId: paid.transactionId };
}

function refundInput(paid: { providerTradeNo: string; amount: number }, amount: number, providerRefundNo = `RF${tradeNo()}`) {
  return {
    providerTradeNo: paid.providerTradeNo,
    providerRefundNo,
    amount,
    totalAmount: paid.amount,
    currency: 'CNY',
    reason: 'customer',
    notifyUrl: 'https://gateway.example/api/callbacks/wechatpay',
  };
}

describe('WeChat Pay v3 client against the fake provider', () => {
  test('create order: a signed Native order, code_url as payData, the exchange kept with its signature masked', async () => {
    const input = order();
    const result = await client.createOrder(input);
    assert.ok(result.ok, JSON.stringify(result));
    assert.match(result.value.codeUrl, /^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    const received = fake.requests.at(-1)!;
    assert.equal(received.signatureError, null, 'the fake verified our request signature with the merchant public key');
    assert.deepEqual(JSON.parse(received.body), {
      appid: fake.wechatpay.keys.appid,
      mchid: fake.wechatpay.keys.mchid,
      description: 'Store 42 - till 3',
      out_trade_no: input.providerTradeNo,
      time_expire: JSON.parse(received.body).time_expire,
      notify_url: input.notifyUrl,
      amount: { total: 1_280, currency: 'CNY' },
    });
    assert.match(JSON.parse(received.body).time_expire, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const { exchange } = result;
    assert.equal(exchange.provider, 'wechatpay');
    assert.equal(exchange.operation, 'create_order');
    assert.equal(exchange.method, 'POST');
    assert.equal(exchange.url, `${fake.url}/v3/pay/transactions/native`);
    assert.equal(exchange.status, 200);
    assert.equal(exchange.verdict, 'ok');
    assert.equal(exchange.reason, null);
    assert.equal(exchange.requestBody, received.body);
    assert.match(
      exchange.requestHeaders.authorization,
      /^WECHATPAY2-SHA256-RSA2048 mchid="1230000109",nonce_str="\w+",signature="\*\*\*",timestamp="\d+",serial_no="\w+"$/,
    );
    const sentSignature = /signature="([^"]+)"/.exec(received.headers.authorization)![1];
    assert.ok(!JSON.stringify(exchange).includes(sentSignature), 'our signature never leaves in an exchange');
    assert.ok(exchange.responseHeaders['wechatpay-signature'], 'the provider signature is kept as evidence');
    assert.ok(exchange.durationMs >= 0 && exchange.startedAt instanceof Date);
  });

  test('query order: pending, then paid (with transaction, amount, payer, time), REFUND still paid, unknown is not_found', async () => {
    const input = order();
    await client.createOrder(input);
    const pending = await client.queryOrder({ providerTradeNo: input.providerTradeNo, amount: input.amount });
    assert.ok(pending.ok);
    assert.deepEqual(pending.value, { state: 'pending', tradeState: 'NOTPAY' });
    const at = new Date('2026-03-01T10:00:00.000Z');
    const { transactionId } = await fake.wechatpay.pay(input.providerTradeNo, { notify: 'lost', at, device: 'POS-7' });
    const paid = await client.queryOrder({ providerTradeNo: input.providerTradeNo, amount: input.amount });
    assert.ok(paid.ok, JSON.stringify(paid));
    assert.deepEqual(paid.value, {
      state: 'paid',
      providerTransactionId: transactionId,
      amount: 1_280,
      currency: 'CNY',
      paidAt: at,
      payer: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      device: 'POS-7',
      tradeState: 'SUCCESS',
    });
    await client.refund(refundInput(input, 100));
    const refunded = await client.queryOrder({ providerTradeNo: input.providerTradeNo });
    assert.ok(refunded.ok && refunded.value.state === 'paid' && refunded.value.tradeState === 'REFUND', JSON.stringify(refunded));
    const unknown = await client.queryOrder({ providerTradeNo: tradeNo() });
    assert.ok(unknown.ok);
    assert.deepEqual(unknown.value, { state: 'not_found', tradeState: 'ORDER_NOT_EXIST' });
    assert.equal(unknown.exchange.status, 404);
    assert.ok(fake.requests.every((request) => request.signatureError === null));
  });

  test('close order: an unpaid order closes (and again is still closed); a paid one is refused with ORDERPAID', async () => {
    const input = order();
    await client.createOrder(input);
    const closed = await client.closeOrder({ providerTradeNo: input.providerTradeNo });
    assert.ok(closed.ok, JSON.stringify(closed));
    assert.equal(closed.exchange.status, 204);
    assert.equal(fake.wechatpay.orders.get(input.providerTradeNo)!.tradeState, 'CLOSED');
    const state = await client.queryOrder({ providerTradeNo: input.providerTradeNo });
    assert.ok(state.ok && state.value.state === 'closed');
    fake.failNext({ kind: 'business_error', code: 'ORDER_CLOSED', message: '订单已关闭' }, { operation: 'close_order' });
    assert.ok((await client.closeOrder({ providerTradeNo: input.providerTradeNo })).ok, 'ORDER_CLOSED is the close we asked for');
    const paid = await paidOrder();
    const refused = expectFailure(await client.closeOrder({ providerTradeNo: paid.providerTradeNo }));
    assert.deepEqual(refused.failure, { kind: 'refused', code: 'ORDERPAID', message: '订单已支付' });
    assert.equal(refused.exchange.verdict, 'failed');
    assert.equal(refused.exchange.reason, 'ORDERPAID: 订单已支付');
  });

  test('refund: processing, the same number again is the same refund, its end is read by query; unknown refund not_found', async () => {
    const paid = await paidOrder();
    const input = refundInput(paid, 500);
    const first = await client.refund(input);
    assert.ok(first.ok, JSON.stringify(first));
    assert.equal(first.value.state, 'processing');
    assert.equal(first.value.amount, 500);
    const again = await client.refund(input);
    assert.ok(again.ok);
    assert.equal(again.value.providerRefundId, first.value.providerRefundId, 'WeChat keys refunds on out_refund_no');
    assert.equal(fake.wechatpay.refunds.get(input.providerRefundNo)!.amount, 500);
    const at = new Date('2026-03-01T11:00:00.000Z');
    await fake.wechatpay.settleRefund(input.providerRefundNo, 'SUCCESS', { notify: 'lost', at });
    const settled = await client.queryRefund({
      providerTradeNo: paid.providerTradeNo,
      providerRefundNo: input.providerRefundNo,
      amount: 500,
    });
    assert.ok(settled.ok, JSON.stringify(settled));
    assert.deepEqual(settled.value, {
      state: 'succeeded',
      providerRefundId: first.value.providerRefundId,
      amount: 500,
      succeededAt: at,
      refundState: 'SUCCESS',
    });
    for (const status of ['ABNORMAL', 'CLOSED'] as const) {
      const other = refundInput(paid, 100);
      await client.refund(other);
      await fake.wechatpay.settleRefund(other.providerRefundNo, status, { notify: 'lost' });
      const read = await client.queryRefund(other);
      assert.ok(
        read.ok && read.value.state === (status === 'ABNORMAL' ? 'abnormal' : 'closed') && read.value.succeededAt === null,
        JSON.stringify(read),
      );
    }
    const unknown = await client.queryRefund({ providerTradeNo: paid.providerTradeNo, providerRefundNo: 'RF-NEVER' });
    assert.ok(unknown.ok);
    assert.equal(unknown.value.state, 'not_found');
  });

  test('refund refusals carry WeChat Pay codes: over the total, the 51st, an unpaid order, and a business error', async () => {
    const paid = await paidOrder(10_000);
    const over = expectFailure(await client.refund(refundInput(paid, 10_001)));
    assert.equal(over.failure.kind, 'refused');
    assert.equal(over.failure.code, 'INVALID_REQUEST');
    for (let index = 0; index < 50; index += 1) assert.ok((await client.refund(refundInput(paid, 1))).ok);
    const fiftyFirst = expectFailure(await client.refund(refundInput(paid, 1)));
    assert.equal(fiftyFirst.failure.code, 'INVALID_REQUEST');
    assert.match(fiftyFirst.failure.message, /50/);
    assert.equal([...fake.wechatpay.refunds.values()].filter((refund) => refund.outTradeNo === paid.providerTradeNo).length, 50);
    const unpaid = order();
    await client.createOrder(unpaid);
    const notPaid = expectFailure(await client.refund(refundInput(unpaid, 1)));
    assert.deepEqual(notPaid.failure, { kind: 'refused', code: 'RESOURCE_NOT_EXISTS', message: '订单不存在' });
    fake.failNext({ kind: 'business_error', code: 'NOT_ENOUGH', message: '基本账户余额不足' }, { operation: 'refund' });
    const input = refundInput(await paidOrder(), 100);
    const poor = expectFailure(await client.refund(input));
    assert.deepEqual(poor.failure, { kind: 'refused', code: 'NOT_ENOUGH', message: '基本账户余额不足' });
    assert.equal(fake.wechatpay.refunds.has(input.providerRefundNo), false, 'a refused refund is not kept by the provider');
  });

  test('an unsigned, forged, stale, probe-signed or unknown-key 2xx is untrusted, never read', async () => {
    const paid = await paidOrder();
    for (const kind of ['bad_signature', 'no_signature', 'stale_timestamp', 'signtest', 'unknown_serial'] as const) {
      fake.failNext({ kind }, { operation: 'query_order' });
      const result = expectFailure(await client.queryOrder({ providerTradeNo: paid.providerTradeNo, amount: paid.amount }));
      assert.equal(result.failure.kind, 'untrusted', kind);
      assert.equal(result.exchange.verdict, 'rejected', kind);
      assert.equal(result.exchange.status, 200, kind);
      assert.match(result.exchange.reason!, /failed verification/, kind);
    }
    fake.failNext({ kind: 'no_signature' }, { operation: 'query_order' });
    const unsigned404 = expectFailure(await client.queryOrder({ providerTradeNo: tradeNo() }));
    assert.equal(unsigned404.failure.kind, 'untrusted', 'an unsigned ORDER_NOT_EXIST is not taken as not_found');
    fake.failNext({ kind: 'bad_signature' }, { operation: 'refund' });
    assert.equal(expectFailure(await client.refund(refundInput(paid, 1))).failure.kind, 'untrusted');
    const stillOk = await client.queryOrder({ providerTradeNo: paid.providerTradeNo, amount: paid.amount });
    assert.ok(stillOk.ok, 'each fault hit one answer only');
  });

  test('a signed answer that is not about our order (amount, mchid, appid, out_trade_no) is untrusted', async () => {
    const paid = await paidOrder();
    for (const kind of ['wrong_amount', 'wrong_mchid', 'wrong_appid', 'wrong_out_trade_no'] as const) {
      fake.failNext({ kind }, { operation: 'query_order' });
      const result = expectFailure(await client.queryOrder({ providerTradeNo: paid.providerTradeNo, amount: paid.amount }));
      assert.equal(result.failure.kind, 'untrusted', kind);
      assert.match(result.failure.message, /is not ours/, kind);
    }
    fake.failNext({ kind: 'wrong_amount' }, { operation: 'refund' });
    const refund = expectFailure(await client.refund(refundInput(paid, 300)));
    assert.match(refund.failure.message, /^amount\.refund 301 in the answer is not ours \(300\)$/);
    fake.failNext({ kind: 'tamper', change: (answer) => (answer.trade_state = 'HACKED') }, { operation: 'query_order' });
    assert.match(expectFailure(await client.queryOrder({ providerTradeNo: paid.providerTradeNo })).failure.message, /trade_state "HACKED"/);
    fake.failNext({ kind: 'tamper', change: (answer) => delete answer.transaction_id }, { operation: 'query_order' });
    assert.equal(expectFailure(await client.queryOrder({ providerTradeNo: paid.providerTradeNo })).failure.kind, 'untrusted');
  });

  test('5xx, a timeout, a reset and a refused connection are unavailable', async () => {
    const quick = createWechatpayClient(fake.wechatpay.clientConfig({ timeoutMs: 300 }));
    const input = order();
    fake.failNext({ kind: 'http_error', status: 500 }, { operation: 'create_order' });
    const fiveHundred = expectFailure(await quick.createOrder(input));
    assert.deepEqual(fiveHundred.failure, { kind: 'unavailable', code: 'SYSTEM_ERROR', message: 'HTTP 500: 系统繁忙，请稍后重试' });
    assert.equal(fiveHundred.exchange.verdict, 'failed');
    assert.equal(fake.wechatpay.orders.has(input.providerTradeNo), false);
    fake.failNext({ kind: 'timeout' }, { operation: 'create_order' });
    const started = Date.now();
    const timedOut = expectFailure(await quick.createOrder(input));
    assert.equal(timedOut.failure.kind, 'unavailable');
    assert.match(timedOut.failure.message, /no answer within 300 ms/);
    assert.ok(Date.now() - started < 2_000);
    assert.equal(timedOut.exchange.status, null);
    fake.failNext({ kind: 'reset' }, { operation: 'create_order' });
    assert.equal(expectFailure(await quick.createOrder(input)).failure.kind, 'unavailable');
    fake.failNext({ kind: 'business_error', code: 'SYSTEM_ERROR', status: 500 }, { operation: 'create_order' });
    assert.equal(expectFailure(await quick.createOrder(input)).failure.kind, 'unavailable');
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const nowhere = createWechatpayClient(fake.wechatpay.clientConfig({ baseUrl: `http://127.0.0.1:${closedPort}` }));
    const refused = expectFailure(await nowhere.createOrder(input));
    assert.equal(refused.failure.kind, 'unavailable');
    assert.match(refused.failure.message, /ECONNREFUSED/);
    assert.ok((await quick.createOrder(input)).ok, 'the order goes through once the provider answers');
  });

  test('a refund whose answer was lost (timeout after the provider applied it) is the same refund when retried', async () => {
    const paid = await paidOrder();
    const quick = createWechatpayClient(fake.wechatpay.clientConfig({ timeoutMs: 300 }));
    const input = refundInput(paid, 700);
    fake.failNext({ kind: 'timeout', applied: true }, { operation: 'refund' });
    assert.equal(expectFailure(await quick.refund(input)).failure.kind, 'unavailable');
    const applied = fake.wechatpay.refunds.get(input.providerRefundNo);
    assert.ok(applied, 'the provider kept the refund although its answer never came');
    const retried = await quick.refund(input);
    assert.ok(retried.ok);
    assert.equal(retried.value.providerRefundId, applied.refundId);
  });

  test('requests signed with another key are refused by the provider (SIGN_ERROR) and change nothing', async () => {
    const stranger = createWechatpayClient(
      fake.wechatpay.clientConfig({ merchantPrivateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }),
    );
    const input = order();
    const result = expectFailure(await stranger.createOrder(input));
    assert.equal(result.failure.kind, 'refused');
    assert.equal(result.failure.code, 'SIGN_ERROR');
    assert.match(fake.requests.at(-1)!.signatureError!, /signature does not match/);
    assert.equal(fake.wechatpay.orders.has(input.providerTradeNo), false);
  });

  test('from the environment: null when not configured, an error naming what is missing when half, a working client when whole', async () => {
    const base = { WECHATPAY_BASE_URL: fake.url, PROVIDER_TIMEOUT_MS: 2_000 };
    assert.equal(createWechatpayClientFromEnv({ ...base, WECHATPAY_MCHID: '1230000109' }), null);
    assert.throws(
      () => createWechatpayClientFromEnv({ ...base, WECHATPAY_APPID: 'wx1', WECHATPAY_MERCHANT_SERIAL: 'S' }),
      /half configured: set WECHATPAY_MCHID, WECHATPAY_PLATFORM_SERIAL, WECHATPAY_PLATFORM_PUBLIC_KEY, WECHATPAY_MERCHANT_PRIVATE_KEY as well/,
    );
    const fromEnv = createWechatpayClientFromEnv({ ...base, ...fake.env, PROVIDER_TIMEOUT_MS: 2_000 });
    assert.ok(fromEnv);
    const created = await fromEnv.createOrder(order());
    assert.ok(created.ok, JSON.stringify(created));
  });
});
