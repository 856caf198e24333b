import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { jobsIn, settlementOf } from '@/tests/helpers/queue-jobs';
import { paySandbox, postCallback, sandboxPaidCallback } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const app = useApp(keys.env);

const nothingSettled = { status: 'pending', deliveries: 0, deliveryJobs: 0, risk: 0, campaign: 0, promotion: 0 };
const settledOnce = { status: 'succeeded', deliveries: 1, deliveryJobs: 1, risk: 1, campaign: 1, promotion: 1 };

describe('notifications are matched by our providerTradeNo, never by the merchant’s outTradeNo', () => {
  test('two merchants with the same outTradeNo and amount: each notification settles only its own payment', async () => {
    const [a, b] = [await makeMerchant(app.db), await makeMerchant(app.db)];
    const ofA = await makePayment(app.db, { merchantId: a.id, outTradeNo: 'ORDER_0001', amount: 1_280 });
    const ofB = await makePayment(app.db, { merchantId: b.id, outTradeNo: 'ORDER_0001', amount: 1_280 });
    assert.notEqual(ofA.providerTradeNo, ofB.providerTradeNo);

    // B's shopper pays first: only B's payment moves, and only B's merchant is told.
    const paidB = wechatPaidCallback(keys, ofB);
    assert.equal((await postCallback(paidB, 'wechatpay')).status, 200);
    assert.deepEqual(await settlementOf(app.db, ofB.id), settledOnce);
    assert.deepEqual(await settlementOf(app.db, ofA.id), nothingSettled);
    const [delivery] = await app.db.delivery.findMany({ where: { paymentId: ofB.id } });
    assert.equal(delivery.merchantId, b.id);

    const paidA = wechatPaidCallback(keys, ofA);
    assert.equal((await postCallback(paidA, 'wechatpay')).status, 200);
    assert.deepEqual(await settlementOf(app.db, ofA.id), settledOnce);
    const [storedA, storedB] = await Promise.all([ofA, ofB].map((p) => app.db.payment.findUniqueOrThrow({ where: { id: p.id } })));
    assert.equal(storedA.providerTransactionId, paidA.transactionId);
    assert.equal(storedB.providerTransactionId, paidB.transactionId);
    assert.equal(storedA.paidAttemptId, ofA.attempts[0].id);
    assert.equal(storedB.paidAttemptId, ofB.attempts[0].id);
  });

  test('a notification naming a merchant’s outTradeNo matches nothing: kept, alerted, nothing paid', async () => {
    const merchant = await makeMerchant(app.db);
    const payment = await makePayment(app.db, { merchantId: merchant.id, outTradeNo: 'ORDER_0002', amount: 500 });
    const answer = await postCallback(wechatPaidCallback(keys, { providerTradeNo: 'ORDER_0002', amount: 500 }), 'wechatpay');
    assert.equal(answer.status, 404, answer.text);
    assert.deepEqual(await settlementOf(app.db, payment.id), nothingSettled);
    const alert = await app.db.riskAlert.findFirstOrThrow({ where: { kind: 'unknown_payment' }, orderBy: { openedAt: 'desc' } });
    assert.match(JSON.stringify(alert.evidence), /ORDER_0002/);
  });

  test('an attempt of another provider is not matched by a notification of this one', async () => {
    const merchant = await makeMerchant(app.db);
    const payment = await makePayment(app.db, { merchantId: merchant.id, provider: 'alipay', amount: 500 });
    const answer = await postCallback(wechatPaidCallback(keys, payment), 'wechatpay');
    assert.equal(answer.status, 404, answer.text);
    assert.deepEqual(await settlementOf(app.db, payment.id), nothingSettled);
  });

  test('the amount is checked against the attempt the notification names', async () => {
    const merchant = await makeMerchant(app.db);
    const payment = await makePayment(app.db, { merchantId: merchant.id, amount: 1_000 });
    const answer = await postCallback(wechatPaidCallback(keys, { ...payment, amount: 999 }), 'wechatpay');
    assert.equal(answer.status, 422, answer.text);
    assert.deepEqual(await settlementOf(app.db, payment.id), nothingSettled);
    const inbox = await app.db.providerNotification.findFirstOrThrow({ where: { paymentId: payment.id } });
    assert.equal(inbox.outcome, 'rejected');
  });
});

describe('a payment paid by two attempts', () => {
  test('both paid at once: one is the paid attempt, the other a flagged duplicate; the merchant is told once', async () => {
    for (let round = 0; round < 3; round++) {
      const merchant = await makeMerchant(app.db);
      const body = { merchantId: merchant.id, outTradeNo: `TWICE_${round}_${Date.now()}`, amount: 2_000, provider: 'sandbox' };
      const first = await callRoute(createPaymentRoute, { body });
      const second = await callRoute(createPaymentRoute, { body });
      assert.deepEqual([first.status, second.status], [201, 200]);
      const paymentId = first.json.id;
      // The shopper paid both orders (the first callback was slow, so they tried again); both callbacks arrive together.
      for (const attempt of [first.json, second.json])
        await paySandbox(paymentId, { providerTradeNo: attempt.providerTradeNo, fault: 'lost' });
      const callbacks = await Promise.all([first.json, second.json].map((a) => sandboxPaidCallback(app.db, a.providerTradeNo)));
      const answers = await Promise.all([...callbacks, ...callbacks].map((callback) => postCallback(callback)));
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200, 200, 200],
      );

      assert.deepEqual(await settlementOf(app.db, paymentId), settledOnce);
      const payment = await app.db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { attempts: true } });
      assert.equal(payment.attempts.length, 2);
      assert.ok(payment.attempts.every((attempt) => attempt.status === 'succeeded'));
      const paid = payment.attempts.find((attempt) => attempt.id === payment.paidAttemptId)!;
      const duplicate = payment.attempts.find((attempt) => attempt.id !== payment.paidAttemptId)!;
      assert.deepEqual([paid.duplicatePayment, duplicate.duplicatePayment], [false, true]);
      assert.equal(payment.providerTransactionId, paid.providerTransactionId);
      const inbox = await app.db.providerNotification.findMany({ where: { paymentId }, orderBy: { receivedAt: 'asc' } });
      assert.deepEqual(inbox.map((row) => row.outcome).sort(), ['applied', 'recorded']);
      assert.match(inbox.find((row) => row.outcome === 'recorded')!.reason ?? '', /duplicate payment/);
      const extra = (await jobsIn(app.db, 'extra-payment')).filter((job) => job.data.paymentId === paymentId);
      assert.deepEqual(
        extra.map((job) => job.data),
        [{ attemptId: duplicate.id, paymentId, kind: 'duplicate_payment' }],
      );
    }
  });
});
