import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { POST as decisionRoute } from '@/app/api/risk/alerts/[id]/decision/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { jobsIn, settlementOf } from '@/tests/helpers/queue-jobs';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const app = useApp(keys.env);

function post(signed: { rawBody: string; headers: Record<string, string> }, provider = 'wechatpay') {
  return callRoute(callbackRoute, { token: null, method: 'POST', rawBody: signed.rawBody, headers: signed.headers, params: { provider } });
}

async function paidPayment(amount = 1_280) {
  const merchant = await makeMerchant(app.db);
  const payment = await makePayment(app.db, { merchantId: merchant.id, amount });
  return { merchant, payment };
}

const stateOf = (paymentId: string) => settlementOf(app.db, paymentId);

describe('WeChat Pay callback intake', () => {
  test('a verified "paid" callback commits payment, delivery, job and event together, then answers success', async () => {
    const { payment } = await paidPayment();
    const signed = wechatPaidCallback(keys, payment);
    const answer = await post(signed);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.json.code, 'SUCCESS');
    assert.deepEqual(await stateOf(payment.id), {
      status: 'succeeded',
      deliveries: 1,
      deliveryJobs: 1,
      risk: 1,
      campaign: 1,
      promotion: 1,
    });
    const stored = await app.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    assert.equal(stored.providerTransactionId, signed.transactionId);
    assert.equal(stored.device, 'POS-0042');
    const inbox = await app.db.providerNotification.findMany({ where: { paymentId: payment.id } });
    assert.equal(inbox.length, 1);
    assert.equal(inbox[0].outcome, 'applied');
    assert.equal(inbox[0].rawBody, signed.rawBody);
    const delivery = await app.db.delivery.findFirstOrThrow({ where: { paymentId: payment.id } });
    const [job] = (await jobsIn(app.db, 'deliver-webhook')).filter((j) => j.data.deliveryId === delivery.id);
    assert.equal(job.id, delivery.id, 'the delivery job is keyed on the delivery id');
    assert.equal((delivery.payload as any).data.amount, 1_280);
  });

  test('20 identical callbacks at once: applied once, every copy answered success', async () => {
    const { payment } = await paidPayment();
    const signed = wechatPaidCallback(keys, payment);
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(signed)));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(20).fill(200),
    );
    assert.deepEqual(await stateOf(payment.id), {
      status: 'succeeded',
      deliveries: 1,
      deliveryJobs: 1,
      risk: 1,
      campaign: 1,
      promotion: 1,
    });
    const inbox = await app.db.providerNotification.findMany({ where: { paymentId: payment.id } });
    assert.equal(inbox.length, 1);
    assert.equal(inbox[0].receivedCount, 20);
  });

  test('a transaction that fails after the payment update leaves no job, no event and no state change', async () => {
    const { payment } = await paidPayment();
    const signed = wechatPaidCallback(keys, payment);
    // A real failure inside the transaction, after the payment row was updated: the topic's last insert is refused.
    await app.db.$executeRawUnsafe(`
      CREATE FUNCTION fail_promotion_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'promotion queue unavailable'; END; $$`);
    await app.db.$executeRawUnsafe(`
      CREATE TRIGGER fail_promotion BEFORE INSERT ON pgboss.job
      FOR EACH ROW WHEN (NEW.name = 'promotion') EXECUTE FUNCTION fail_promotion_insert()`);
    try {
      const answer = await post(signed);
      assert.equal(answer.status, 500);
      assert.equal(answer.json.code, 'FAIL');
      assert.deepEqual(await stateOf(payment.id), {
        status: 'pending',
        deliveries: 0,
        deliveryJobs: 0,
        risk: 0,
        campaign: 0,
        promotion: 0,
      });
      assert.equal(await app.db.providerNotification.count({ where: { paymentId: payment.id, outcome: 'applied' } }), 0);
    } finally {
      await app.db.$executeRawUnsafe('DROP TRIGGER fail_promotion ON pgboss.job');
      await app.db.$executeRawUnsafe('DROP FUNCTION fail_promotion_insert()');
    }
    // The provider retries, and now everything commits.
    assert.equal((await post(signed)).status, 200);
    assert.deepEqual(await stateOf(payment.id), {
      status: 'succeeded',
      deliveries: 1,
      deliveryJobs: 1,
      risk: 1,
      campaign: 1,
      promotion: 1,
    });
  });

  test('an unknown payment is kept with its reason, raised as an alert and answered as a failure', async () => {
    const signed = wechatPaidCallback(keys, { providerTradeNo: 'NOSUCHORDER01', amount: 500 });
    const answer = await post(signed);
    assert.equal(answer.status, 404);
    assert.equal(answer.json.code, 'FAIL');
    const inbox = await app.db.providerNotification.findFirstOrThrow({ where: { rawBody: signed.rawBody } });
    assert.equal(inbox.outcome, 'rejected');
    assert.match(inbox.reason ?? '', /NOSUCHORDER01/);
    const alert = await app.db.riskAlert.findFirstOrThrow({ where: { kind: 'unknown_payment' } });
    assert.equal((alert.evidence as any).outTradeNo, 'NOSUCHORDER01');
  });

  test("a provider's retries of an unknown payment fold into one open alert with a hit count, until it is decided", async () => {
    const retried = wechatPaidCallback(keys, { providerTradeNo: 'NOSUCHORDER02', amount: 500 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(retried)));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(5).fill(404),
    );
    // Another notification of the same trade number (a new notification id) folds in too; another trade number does not.
    assert.equal((await post(wechatPaidCallback(keys, { providerTradeNo: 'NOSUCHORDER02', amount: 500 }))).status, 404);
    assert.equal((await post(wechatPaidCallback(keys, { providerTradeNo: 'NOSUCHORDER03', amount: 500 }))).status, 404);
    const alertsOf = (outTradeNo: string) =>
      app.db.riskAlert.findMany({ where: { kind: 'unknown_payment', evidence: { path: ['outTradeNo'], equals: outTradeNo } } });
    const [folded] = await alertsOf('NOSUCHORDER02');
    assert.equal((await alertsOf('NOSUCHORDER02')).length, 1);
    assert.equal(folded.hitCount, 6);
    assert.equal((await alertsOf('NOSUCHORDER03')).length, 1);
    const decided = await callRoute(decisionRoute, {
      method: 'POST',
      params: { id: folded.id },
      body: { decision: 'dismissed', reason: 'a test order from the provider' },
    });
    assert.equal(decided.status, 200, decided.text);
    assert.equal((await post(retried)).status, 404);
    const after = await alertsOf('NOSUCHORDER02');
    assert.equal(after.length, 2, 'a retry after the decision opens a new alert');
    assert.deepEqual(after.map((alert) => alert.hitCount).sort(), [1, 6]);
  });

  test('an amount mismatch is never marked paid: kept, alerted, answered as a failure', async () => {
    const { payment, merchant } = await paidPayment(1_000);
    const signed = wechatPaidCallback(keys, { ...payment, amount: 1 });
    const answer = await post(signed);
    assert.equal(answer.status, 422);
    assert.deepEqual(await stateOf(payment.id), { status: 'pending', deliveries: 0, deliveryJobs: 0, risk: 0, campaign: 0, promotion: 0 });
    const alert = await app.db.riskAlert.findFirstOrThrow({ where: { kind: 'amount_mismatch', merchantId: merchant.id } });
    assert.equal((alert.evidence as any).notifiedAmount, 1);
  });

  test('forged, stale, probe and oversized callbacks get a clear 4xx and change nothing', async () => {
    const { payment } = await paidPayment();
    const other = makeWechatpayKeys();
    const valid = wechatPaidCallback(keys, payment);
    const cases: { name: string; body: string; headers: Record<string, string>; status: number }[] = [
      { name: 'signed with another key', ...withBody(wechatPaidCallback({ ...other, serial: keys.serial }, payment)), status: 401 },
      { name: 'tampered body', body: valid.rawBody.replace('"id":"', '"id":"X'), headers: valid.headers, status: 401 },
      {
        name: 'stale timestamp',
        ...withBody(wechatPaidCallback(keys, { ...payment, now: new Date(Date.now() - 10 * 60_000) })),
        status: 401,
      },
      {
        name: 'probe signature',
        body: valid.rawBody,
        headers: { ...valid.headers, 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/abc' },
        status: 401,
      },
      {
        name: 'missing signature header',
        body: valid.rawBody,
        headers: { 'Wechatpay-Timestamp': valid.headers['Wechatpay-Timestamp'] },
        status: 400,
      },
      { name: 'oversized body', body: 'x'.repeat(70 * 1024), headers: valid.headers, status: 413 },
    ];
    for (const item of cases) {
      const answer = await post({ rawBody: item.body, headers: item.headers });
      assert.equal(answer.status, item.status, `${item.name}: ${answer.text}`);
      assert.equal(answer.json.code, 'FAIL', item.name);
    }
    assert.deepEqual(await stateOf(payment.id), { status: 'pending', deliveries: 0, deliveryJobs: 0, risk: 0, campaign: 0, promotion: 0 });
    const rejected = await app.db.providerNotification.count({ where: { outcome: 'rejected', kind: 'unknown' } });
    assert.ok(rejected >= 4, 'rejected callbacks are kept as evidence');
  });

  test('a payment of a merchant blocked after paying still settles, flagged', async () => {
    const { payment, merchant } = await paidPayment();
    await app.db.merchant.update({ where: { id: merchant.id }, data: { status: 'blocked' } });
    assert.equal((await post(wechatPaidCallback(keys, payment))).status, 200);
    const stored = await app.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    assert.equal(stored.status, 'succeeded');
    assert.match(stored.flaggedReason ?? '', /blocked/);
  });

  test('a second transaction for an already-paid order is recorded, not applied again', async () => {
    const { payment } = await paidPayment();
    assert.equal((await post(wechatPaidCallback(keys, payment))).status, 200);
    const second = wechatPaidCallback(keys, payment);
    assert.equal((await post(second)).status, 200);
    const inbox = await app.db.providerNotification.findFirstOrThrow({ where: { rawBody: second.rawBody } });
    assert.equal(inbox.outcome, 'recorded');
    assert.deepEqual(await stateOf(payment.id), {
      status: 'succeeded',
      deliveries: 1,
      deliveryJobs: 1,
      risk: 1,
      campaign: 1,
      promotion: 1,
    });
  });
});

describe('group commit of concurrent callbacks', () => {
  test('a burst for many payments, with copies and an order paid twice, commits each fact exactly once', async () => {
    const paid = await Promise.all(Array.from({ length: 30 }, () => paidPayment()));
    const signed = paid.map(({ payment }) => wechatPaidCallback(keys, payment));
    const twice = wechatPaidCallback(keys, paid[0].payment);
    const burst = [...signed, ...signed.slice(0, 10), twice];
    const answers = await Promise.all(burst.map((callback) => post(callback)));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(burst.length).fill(200),
    );
    for (const { payment } of paid) {
      assert.deepEqual(await stateOf(payment.id), {
        status: 'succeeded',
        deliveries: 1,
        deliveryJobs: 1,
        risk: 1,
        campaign: 1,
        promotion: 1,
      });
    }
    const counts = await app.db.providerNotification.findMany({ where: { rawBody: { in: signed.slice(0, 10).map((c) => c.rawBody) } } });
    assert.deepEqual(
      counts.map((row) => row.receivedCount),
      Array(10).fill(2),
    );
    // Two transactions paid one order: whichever came first settled it, the other is kept as an extra payment.
    const rivals = await app.db.providerNotification.findMany({ where: { rawBody: { in: [signed[0].rawBody, twice.rawBody] } } });
    assert.deepEqual(rivals.map((row) => row.outcome).sort(), ['applied', 'recorded']);
    const winner = rivals.find((row) => row.outcome === 'applied')!.rawBody === twice.rawBody ? twice : signed[0];
    const settled = await app.db.payment.findUniqueOrThrow({ where: { id: paid[0].payment.id } });
    assert.equal(settled.providerTransactionId, winner.transactionId);
  });
});

function withBody(signed: { rawBody: string; headers: Record<string, string> }) {
  return { body: signed.rawBody, headers: signed.headers };
}
