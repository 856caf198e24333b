import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { buildWechatpayRefundResource } from './build-wechatpay-refund-resource';
import { buildWechatpayTransactionResource } from './build-wechatpay-transaction-resource';
import { encryptWechatpayResource } from './encrypt-wechatpay-resource';
import { parseWechatpayCallback } from './parse-wechatpay-callback';
import { signWechatpayBody } from './sign-wechatpay-body';
import { signWechatpayCallback } from './sign-wechatpay-callback';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const serial = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
const platformKeys = new Map([[serial, publicKey]]);
const apiV3Key = 'ZYXWVUTSRQPONMLKJIHGFEDCBA543210';
const mchid = '1900000001';
const now = new Date('2024-05-01T04:00:00Z');

const payment = buildWechatpayTransactionResource({
  mchid,
  outTradeNo: 'ORDER-42',
  transactionId: '4200000001202405010000000001',
  amount: 1230,
  currency: 'CNY',
  payer: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  device: 'TILL-7',
  successTime: new Date('2024-05-01T03:59:58Z'),
});

function sign(eventType: string, resource: object, id = 'EV-1') {
  return signWechatpayCallback({ notification: { id, eventType, resource }, privateKey, serial, apiV3Key, now });
}

function parse(
  callback: { rawBody: string; headers: Record<string, string> },
  options: { mchid?: string; provider?: 'wechatpay' | 'sandbox' } = {},
) {
  return parseWechatpayCallback({ ...callback, headers: new Headers(callback.headers), platformKeys, apiV3Key, now, ...options });
}

// Signs a hand-made envelope so that only the part under test is wrong.
function signRaw(rawBody: string) {
  return { rawBody, headers: signWechatpayBody({ rawBody, privateKey, serial, now }) };
}

test('accepts a signed payment callback and normalizes it', () => {
  const callback = sign('TRANSACTION.SUCCESS', payment);
  assert.match(callback.rawBody, /"associated_data":"transaction"/);
  assert.deepEqual(parse(callback, { mchid }), {
    kind: 'payment',
    provider: 'wechatpay',
    notificationId: 'EV-1',
    outTradeNo: 'ORDER-42',
    providerTransactionId: '4200000001202405010000000001',
    paid: true,
    tradeState: 'SUCCESS',
    amount: 1230,
    currency: 'CNY',
    paidAt: new Date('2024-05-01T03:59:58Z'),
    payer: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    device: 'TILL-7',
  });
});

test('reports a non-SUCCESS trade state as not paid, and names the sandbox when asked', () => {
  const closed = buildWechatpayTransactionResource({
    mchid,
    outTradeNo: 'O',
    transactionId: 'T',
    amount: 1,
    currency: 'CNY',
    tradeState: 'CLOSED',
  });
  const result = parse(sign('TRANSACTION.SUCCESS', closed), { provider: 'sandbox' });
  assert.equal(result.provider, 'sandbox');
  assert.equal(result.kind === 'payment' && result.paid, false);
  assert.equal(result.kind === 'payment' && result.paidAt, null);
});

test('accepts refund callbacks and normalizes them', () => {
  const refund = buildWechatpayRefundResource({
    mchid,
    outTradeNo: 'ORDER-42',
    transactionId: '4200000001202405010000000001',
    outRefundNo: 'REFUND-1',
    refundId: '50000000382019052709732678859',
    total: 1230,
    refund: 230,
    successTime: new Date('2024-05-01T03:00:00Z'),
  });
  const callback = sign('REFUND.SUCCESS', refund, 'EV-R');
  assert.match(callback.rawBody, /"associated_data":"refund"/);
  assert.deepEqual(parse(callback, { mchid }), {
    kind: 'refund',
    provider: 'wechatpay',
    notificationId: 'EV-R',
    outTradeNo: 'ORDER-42',
    outRefundNo: 'REFUND-1',
    providerRefundId: '50000000382019052709732678859',
    providerTransactionId: '4200000001202405010000000001',
    refundStatus: 'SUCCESS',
    amount: 230,
    currency: 'CNY',
    succeededAt: new Date('2024-05-01T03:00:00Z'),
  });
  const abnormal = parse(sign('REFUND.ABNORMAL', { ...refund, refund_status: 'ABNORMAL', success_time: undefined }));
  assert.equal(abnormal.kind === 'refund' && abnormal.refundStatus, 'ABNORMAL');
  assert.equal(abnormal.kind === 'refund' && abnormal.succeededAt, null);
});

test('refuses a body that is not JSON even with a valid signature', () => {
  assert.throws(() => parse(signRaw('{"id":"EV-1",')), { code: 'bad_request', message: /body is not valid JSON/ });
});

test('refuses an envelope of the wrong shape', () => {
  const envelope = JSON.parse(sign('TRANSACTION.SUCCESS', payment).rawBody);
  envelope.resource.algorithm = 'AEAD_SM4_GCM';
  assert.throws(() => parse(signRaw(JSON.stringify(envelope))), { code: 'validation_failed', message: /resource\.algorithm/ });
});

test('refuses an unsupported event type', () => {
  assert.throws(() => parse(sign('MCHTRANSFER.BILL.FINISHED', payment)), {
    code: 'validation_failed',
    message: /event_type "MCHTRANSFER.BILL.FINISHED" is not supported/,
  });
});

test('refuses a resource for another merchant', () => {
  assert.throws(() => parse(sign('TRANSACTION.SUCCESS', payment), { mchid: '1900000002' }), {
    code: 'validation_failed',
    message: /mchid 1900000001 is not our merchant id 1900000002/,
  });
});

test('refuses a decrypted resource that fails the schema', () => {
  const bad = { ...payment, amount: { total: 12.3, currency: 'CNY' } };
  assert.throws(() => parse(sign('TRANSACTION.SUCCESS', bad)), { code: 'validation_failed', message: /amount\.total/ });
});

test('refuses a resource sealed with the wrong associated data', () => {
  const envelope = JSON.parse(sign('TRANSACTION.SUCCESS', payment).rawBody);
  envelope.resource = {
    ...envelope.resource,
    ...encryptWechatpayResource({ plaintext: JSON.stringify(payment), apiV3Key, associatedData: 'refund' }),
    associated_data: 'transaction',
  };
  assert.throws(() => parse(signRaw(JSON.stringify(envelope))), { code: 'signature_invalid', message: /AES-GCM authentication/ });
});

test('refuses a tampered ciphertext that was then re-signed', () => {
  const envelope = JSON.parse(sign('TRANSACTION.SUCCESS', payment).rawBody);
  const bytes = Buffer.from(envelope.resource.ciphertext, 'base64');
  bytes[0] ^= 0x80;
  envelope.resource.ciphertext = bytes.toString('base64');
  assert.throws(() => parse(signRaw(JSON.stringify(envelope))), { code: 'signature_invalid', message: /AES-GCM authentication/ });
});

test('checks the signature before reading the body', () => {
  const callback = sign('TRANSACTION.SUCCESS', payment);
  assert.throws(() => parse({ ...callback, rawBody: 'not json' }), { code: 'signature_invalid' });
});
