import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { parseAlipayCallback } from './parse-alipay-callback';
import { signAlipayCallback } from './sign-alipay-callback';

const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });
const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 });
const appId = '2021000000000001';
const now = new Date('2024-05-01T04:00:05Z');

const paid = {
  notify_id: 'ac05099524730693a8b330c5ecf72da9786',
  notify_type: 'trade_status_sync',
  notify_time: '2024-05-01 12:00:03',
  charset: 'utf-8',
  version: '1.0',
  app_id: appId,
  out_trade_no: 'ORDER-42',
  trade_no: '2024050122001400000000000001',
  trade_status: 'TRADE_SUCCESS',
  total_amount: '12.30',
  buyer_id: '2088102122524333',
  gmt_payment: '2024-05-01 12:00:00',
  subject: '便利店 & 咖啡 = 好',
};

const parse = (rawBody: string, options: { appId?: string; at?: Date } = {}) =>
  parseAlipayCallback({ rawBody, alipayPublicKey: alipay.publicKey, appId: options.appId ?? appId, now: options.at ?? now });

const signed = (params: Record<string, string>, privateKey = alipay.privateKey) => signAlipayCallback({ params, privateKey });

test('accepts a signed payment notification and normalizes it', () => {
  assert.deepEqual(parse(signed(paid)), {
    kind: 'payment',
    provider: 'alipay',
    notificationId: 'ac05099524730693a8b330c5ecf72da9786',
    outTradeNo: 'ORDER-42',
    providerTransactionId: '2024050122001400000000000001',
    paid: true,
    tradeState: 'TRADE_SUCCESS',
    amount: 1230,
    currency: 'CNY',
    paidAt: new Date('2024-05-01T04:00:00Z'),
    payer: '2088102122524333',
    device: null,
  });
});

test('signs over decoded values and skips empty ones', () => {
  const body = signed({ ...paid, passback_params: '' });
  assert.match(body, /subject=%E4%BE%BF/);
  assert.equal(parse(body).kind, 'payment');
});

test('reads TRADE_FINISHED as paid and TRADE_CLOSED as not paid', () => {
  const finished = parse(signed({ ...paid, trade_status: 'TRADE_FINISHED' }));
  assert.equal(finished.kind === 'payment' && finished.paid, true);
  const closed = parse(signed({ ...paid, trade_status: 'TRADE_CLOSED', gmt_payment: '' }));
  assert.equal(closed.kind === 'payment' && closed.paid, false);
  assert.equal(closed.kind === 'payment' && closed.paidAt, null);
});

test('converts total_amount to fen exactly', () => {
  for (const [yuan, fen] of [
    ['0.01', 1],
    ['12.3', 1230],
    ['100', 10000],
  ] as const) {
    assert.equal(parse(signed({ ...paid, total_amount: yuan })).amount, fen);
  }
  for (const yuan of ['12.345', '-1', '1e3', 'abc']) {
    assert.throws(() => parse(signed({ ...paid, total_amount: yuan })), { code: 'validation_failed', message: /total_amount/ }, yuan);
  }
  assert.throws(() => parse(signed({ ...paid, total_amount: '' })), { code: 'validation_failed', message: /total_amount/ });
});

test('refuses a tampered parameter', () => {
  const body = signed(paid).replace('total_amount=12.30', 'total_amount=1230.00');
  assert.throws(() => parse(body), { code: 'signature_invalid', message: /sign does not match/ });
});

test('refuses a parameter added or repeated after signing; an added empty one is unsigned and ignored', () => {
  assert.throws(() => parse(`${signed(paid)}&refund_fee=12.30`), { code: 'signature_invalid' });
  assert.throws(() => parse(`${signed(paid)}&total_amount=1`), { code: 'bad_request', message: /total_amount appears twice/ });
  assert.equal(parse(`${signed(paid)}&refund_fee=`).kind, 'payment');
});

test('refuses a signature from another key', () => {
  assert.throws(() => parse(signed(paid, impostor.privateKey)), { code: 'signature_invalid', message: /sign does not match/ });
});

test('refuses a missing sign, a missing sign_type and sign_type RSA', () => {
  const params = new URLSearchParams(signed(paid));
  const without = (key: string) => {
    const copy = new URLSearchParams(params);
    copy.delete(key);
    return copy.toString();
  };
  assert.throws(() => parse(without('sign')), { code: 'bad_request', message: /no sign parameter/ });
  assert.throws(() => parse(without('sign_type')), { code: 'bad_request', message: /no sign_type parameter/ });
  const rsa = new URLSearchParams(params);
  rsa.set('sign_type', 'RSA');
  assert.throws(() => parse(rsa.toString()), { code: 'signature_invalid', message: /sign_type "RSA" is not accepted; only RSA2/ });
  const garbled = new URLSearchParams(params);
  garbled.set('sign', 'not base64!');
  assert.throws(() => parse(garbled.toString()), { code: 'bad_request', message: /sign parameter is not valid base64/ });
});

test('refuses an empty body and a charset other than utf-8', () => {
  assert.throws(() => parse(''), { code: 'bad_request', message: /no form parameters/ });
  assert.throws(() => parse(signed({ ...paid, charset: 'GBK' })), { code: 'bad_request', message: /charset "GBK" is not supported/ });
});

test('refuses a notification for another app', () => {
  assert.throws(() => parse(signed(paid), { appId: '2021000000000002' }), {
    code: 'validation_failed',
    message: /app_id 2021000000000001 is not our app id 2021000000000002/,
  });
});

test('refuses a notification missing required fields or with an unknown trade_status', () => {
  const { trade_no: _tradeNo, ...withoutTradeNo } = paid;
  assert.throws(() => parse(signed(withoutTradeNo)), { code: 'validation_failed', message: /trade_no/ });
  assert.throws(() => parse(signed({ ...paid, trade_status: 'PAID' })), { code: 'validation_failed', message: /trade_status/ });
});

test('refuses replays older than 48 hours and notifications from the future', () => {
  const body = signed(paid);
  parse(body, { at: new Date(now.getTime() + 47 * 3600_000) });
  assert.throws(() => parse(body, { at: new Date(now.getTime() + 49 * 3600_000) }), {
    code: 'signature_invalid',
    message: /notify_time is \d+ s in the past/,
  });
  assert.throws(() => parse(body, { at: new Date(now.getTime() - 3600_000) }), {
    code: 'signature_invalid',
    message: /notify_time is \d+ s in the future/,
  });
});

test('normalizes a refund notification', () => {
  const refund = { ...paid, refund_fee: '2.30', out_biz_no: 'REFUND-1', gmt_refund: '2024-05-01 11:00:00.120' };
  assert.deepEqual(parse(signed(refund)), {
    kind: 'refund',
    provider: 'alipay',
    notificationId: 'ac05099524730693a8b330c5ecf72da9786',
    outTradeNo: 'ORDER-42',
    outRefundNo: 'REFUND-1',
    providerRefundId: '2024050122001400000000000001:REFUND-1',
    providerTransactionId: '2024050122001400000000000001',
    refundStatus: 'SUCCESS',
    amount: 230,
    currency: 'CNY',
    succeededAt: new Date('2024-05-01T03:00:00.120Z'),
  });
  assert.throws(() => parse(signed({ ...paid, refund_fee: '2.30' })), {
    code: 'validation_failed',
    message: /both refund_fee and out_biz_no/,
  });
});
