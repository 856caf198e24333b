import assert from 'node:assert/strict';
import { randomBytes, type KeyObject } from 'node:crypto';
import { describe, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { signAlipayCallback } from '@/server/providers/alipay/sign-alipay-callback';
import { callRoute } from '@/tests/helpers/call-route';
import { makeAlipayKeys } from '@/tests/helpers/provider-keys';
import { settlementOf } from '@/tests/helpers/queue-jobs';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeAlipayKeys();
const app = useApp(keys.env);

// Alipay writes times as 'yyyy-MM-dd HH:mm:ss' in China time (UTC+8).
function chinaTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** An Alipay asynchronous notification for one of our orders, form-encoded and signed as Alipay signs it. */
function alipayCallback(
  payment: { providerTradeNo: string },
  params: Record<string, string> = {},
  privateKey: KeyObject = keys.privateKey,
) {
  const now = new Date();
  const rawBody = signAlipayCallback({
    privateKey,
    params: {
      notify_id: randomBytes(16).toString('hex'),
      notify_type: 'trade_status_sync',
      notify_time: chinaTime(now),
      charset: 'utf-8',
      version: '1.0',
      app_id: keys.appId,
      out_trade_no: payment.providerTradeNo,
      trade_no: `2024${randomBytes(12).toString('hex')}`,
      trade_status: 'TRADE_SUCCESS',
      total_amount: '12.30',
      buyer_id: '2088102122524333',
      gmt_payment: chinaTime(now),
      subject: '便利店',
      ...params,
    },
  });
  return { rawBody, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } };
}

function post(signed: { rawBody: string; headers: Record<string, string> }) {
  return callRoute(callbackRoute, {
    token: null,
    method: 'POST',
    rawBody: signed.rawBody,
    headers: signed.headers,
    params: { provider: 'alipay' },
  });
}

async function alipayPayment(amount = 1_230) {
  const merchant = await makeMerchant(app.db);
  const payment = await makePayment(app.db, { merchantId: merchant.id, provider: 'alipay', amount });
  return { merchant, payment };
}

const stateOf = (paymentId: string) => settlementOf(app.db, paymentId);

const untouched = { status: 'pending', deliveries: 0, deliveryJobs: 0, risk: 0, campaign: 0, promotion: 0 };
const settled = { status: 'succeeded', deliveries: 1, deliveryJobs: 1, risk: 1, campaign: 1, promotion: 1 };

describe('Alipay callback intake', () => {
  test('a verified TRADE_SUCCESS settles the payment, commits delivery, job and events, and answers `success`', async () => {
    const { payment } = await alipayPayment();
    const signed = alipayCallback(payment, { trade_no: '2024050122001400000000000042' });
    const answer = await post(signed);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.text, 'success');
    assert.match(answer.headers.get('content-type') ?? '', /^text\/plain/);
    assert.deepEqual(await stateOf(payment.id), settled);
    const stored = await app.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    assert.equal(stored.providerTransactionId, '2024050122001400000000000042');
    assert.equal(stored.payer, '2088102122524333');
    assert.ok(stored.paidAt);
    const inbox = await app.db.providerNotification.findMany({ where: { paymentId: payment.id } });
    assert.equal(inbox.length, 1);
    assert.equal(inbox[0].provider, 'alipay');
    assert.equal(inbox[0].outcome, 'applied');
    assert.equal(inbox[0].rawBody, signed.rawBody);
    const delivery = await app.db.delivery.findFirstOrThrow({ where: { paymentId: payment.id } });
    assert.equal((delivery.payload as any).data.amount, 1_230);
    assert.equal((delivery.payload as any).data.provider, 'alipay');
  });

  test('the same notification 5 times at once is applied once, every copy answered `success`', async () => {
    const { payment } = await alipayPayment();
    const signed = alipayCallback(payment);
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(signed)));
    assert.deepEqual(
      answers.map((a) => [a.status, a.text]),
      Array(5).fill([200, 'success']),
    );
    assert.deepEqual(await stateOf(payment.id), settled);
    const inbox = await app.db.providerNotification.findMany({ where: { paymentId: payment.id } });
    assert.equal(inbox.length, 1);
    assert.equal(inbox[0].receivedCount, 5);
  });

  test('a notification signed with another key is answered `failure` with a 4xx and changes nothing', async () => {
    const { payment } = await alipayPayment();
    const impostor = makeAlipayKeys();
    const signed = alipayCallback(payment, {}, impostor.privateKey);
    const answer = await post(signed);
    assert.ok(answer.status >= 400 && answer.status < 500, `${answer.status} ${answer.text}`);
    assert.equal(answer.status, 401);
    assert.equal(answer.text, 'failure');
    assert.deepEqual(await stateOf(payment.id), untouched);
    const inbox = await app.db.providerNotification.findFirstOrThrow({ where: { rawBody: signed.rawBody } });
    assert.equal(inbox.outcome, 'rejected');
    assert.equal(inbox.paymentId, null);
    assert.match(inbox.reason ?? '', /sign/);
  });

  test('total_amount is read exactly: "12.3" is 1230 fen, "12.31" is a mismatch that is kept and alerted', async () => {
    const { payment } = await alipayPayment(1_230);
    const answer = await post(alipayCallback(payment, { total_amount: '12.3' }));
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.text, 'success');
    assert.equal((await stateOf(payment.id)).status, 'succeeded');

    const { payment: other, merchant } = await alipayPayment(1_230);
    const mismatch = alipayCallback(other, { total_amount: '12.31' });
    const refused = await post(mismatch);
    assert.equal(refused.status, 422, refused.text);
    assert.equal(refused.text, 'failure');
    assert.deepEqual(await stateOf(other.id), untouched);
    const inbox = await app.db.providerNotification.findFirstOrThrow({ where: { rawBody: mismatch.rawBody } });
    assert.equal(inbox.outcome, 'rejected');
    const alert = await app.db.riskAlert.findFirstOrThrow({ where: { kind: 'amount_mismatch', merchantId: merchant.id } });
    assert.equal(alert.paymentId, other.id);
    assert.equal((alert.evidence as any).notifiedAmount, 1_231);
  });

  test('TRADE_CLOSED is recorded and leaves the payment pending', async () => {
    const { payment } = await alipayPayment();
    const signed = alipayCallback(payment, { trade_status: 'TRADE_CLOSED', gmt_payment: '' });
    const answer = await post(signed);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.text, 'success');
    assert.deepEqual(await stateOf(payment.id), untouched);
    const inbox = await app.db.providerNotification.findFirstOrThrow({ where: { rawBody: signed.rawBody } });
    assert.equal(inbox.kind, 'payment');
    assert.equal(inbox.outcome, 'recorded');
    assert.equal(inbox.paymentId, payment.id);
    assert.match(inbox.reason ?? '', /TRADE_CLOSED/);
  });

  test('a verified refund notification for a refund we never asked is kept as a refund, alerted and refused', async () => {
    const { payment } = await alipayPayment();
    const tradeNo = '2024050122001400000000000077';
    assert.equal((await post(alipayCallback(payment, { trade_no: tradeNo }))).status, 200);
    const signed = alipayCallback(payment, {
      trade_no: tradeNo,
      trade_status: 'TRADE_SUCCESS',
      refund_fee: '2.30',
      out_biz_no: 'REFUND-0001',
      gmt_refund: chinaTime(new Date()),
    });
    const answer = await post(signed);
    assert.equal(answer.status, 404, answer.text);
    const inbox = await app.db.providerNotification.findFirstOrThrow({ where: { rawBody: signed.rawBody } });
    assert.equal(inbox.kind, 'refund');
    assert.equal(inbox.outcome, 'rejected');
    assert.match(inbox.reason ?? '', /REFUND-0001/);
    assert.equal(
      await app.db.riskAlert.count({ where: { kind: 'unknown_refund', openKey: 'intake:unknown_refund:alipay:REFUND-0001' } }),
      1,
    );
    assert.deepEqual(await stateOf(payment.id), settled, 'a refund notification does not settle the payment again');
  });
});
