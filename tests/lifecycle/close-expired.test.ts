// Close expired (DESIGN §9), one pass at a time through POST /api/lifecycle/run; no worker runs here, so nothing
// happens between passes but what the test does.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { POST as runRoute } from '@/app/api/lifecycle/run/route';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { jobsIn, settlementOf } from '@/tests/helpers/queue-jobs';
import { paySandbox, postCallback, sandboxPaidCallback, setSandboxFaults } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp({ PAYMENT_QUERY_SCHEDULE: '1', LIFECYCLE_LEASE_SECONDS: '5' });

const settledOnce = { status: 'succeeded', deliveries: 1, deliveryJobs: 1, risk: 1, campaign: 1, promotion: 1 };

async function run(task: string) {
  const answer = await callRoute(runRoute, { body: { task } });
  assert.equal(answer.status, 200, answer.text);
  return answer.json as { examined: number; outcomes: Record<string, number>; items: { id: string; outcome: string }[] };
}

const outcomeOf = (result: Awaited<ReturnType<typeof run>>, id: string) => result.items.find((item) => item.id === id)?.outcome;

/** Expiry is wall-clock time: the test waits for it to pass. */
async function pastExpiry(payment: { expiresAt: string | null }) {
  const wait = Date.parse(payment.expiresAt!) - Date.now() + 20;
  if (wait > 0) await sleep(wait);
}

async function expiredSandboxPayment(expiresInSeconds = 1) {
  const merchant = await makeMerchant(app.db);
  const payment = await makePayment(app.db, { merchantId: merchant.id, provider: 'sandbox', expiresInSeconds });
  return { payment, attemptId: payment.attempts[0].id };
}

const operationsOf = async (attemptId: string) =>
  (await app.db.providerExchange.findMany({ where: { attemptId }, orderBy: { startedAt: 'asc' } })).map((e) => e.operation);

describe('close expired', () => {
  test('an expired unpaid attempt is queried, closed at the provider, queried again, and its payment closed', async () => {
    // Long enough that the first pass surely runs before expiry, however loaded the machine.
    const { payment, attemptId } = await expiredSandboxPayment(5);
    assert.equal(outcomeOf(await run('close-expired'), attemptId), undefined, 'not expired yet: left alone');
    await pastExpiry(payment);
    const result = await run('close-expired');
    assert.equal(outcomeOf(result, attemptId), 'closed');
    assert.equal(outcomeOf(result, payment.id), undefined, 'the payment closed with its attempt, in the same transaction');
    assert.deepEqual(await operationsOf(attemptId), ['create_order', 'query_order', 'close_order', 'query_order']);
    const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { payment: true } });
    assert.deepEqual([attempt.status, attempt.lastProviderState, attempt.nextQueryAt], ['closed', 'CLOSED', null]);
    assert.ok(attempt.closedAt);
    assert.equal(attempt.payment.status, 'closed');
    assert.equal((await app.db.sandboxOrder.findUniqueOrThrow({ where: { outTradeNo: payment.providerTradeNo } })).state, 'CLOSED');
    // Idempotent: the next pass finds nothing to do.
    assert.equal(outcomeOf(await run('close-expired'), attemptId), undefined);
    assert.deepEqual(await operationsOf(attemptId), ['create_order', 'query_order', 'close_order', 'query_order']);
    // And a shopper can no longer pay it; the merchant may not reuse its outTradeNo.
    const retry = await callRoute(createPaymentRoute, {
      body: { merchantId: payment.merchantId, outTradeNo: payment.outTradeNo, amount: payment.amount, provider: 'sandbox' },
    });
    assert.equal(retry.status, 409, retry.text);
  });

  test('an expired attempt the shopper paid (its callback lost) is settled by the query first, never closed', async () => {
    // Time enough to pay before expiry on a loaded machine.
    const { payment, attemptId } = await expiredSandboxPayment(3);
    await paySandbox(payment.id, { fault: 'lost' });
    await pastExpiry(payment);
    assert.equal(outcomeOf(await run('close-expired'), attemptId), 'settled');
    assert.deepEqual(await operationsOf(attemptId), ['create_order', 'query_order']);
    assert.deepEqual(await settlementOf(app.db, payment.id), settledOnce);
  });

  test('a close that races the payment’s callback: success wins, applied once', async () => {
    for (let round = 0; round < 5; round++) {
      // Paid while the order was open (time enough for that on a busy machine), its callback still in flight at expiry.
      const { payment, attemptId } = await expiredSandboxPayment(3);
      await paySandbox(payment.id, { fault: 'lost' });
      const callback = await sandboxPaidCallback(app.db, payment.providerTradeNo);
      await pastExpiry(payment);
      const [result, answer] = await Promise.all([run('close-expired'), postCallback(callback)]);
      assert.equal(answer.status, 200, answer.text);
      assert.ok(['settled', 'already_settled', undefined].includes(outcomeOf(result, attemptId)), JSON.stringify(result.items));
      assert.deepEqual(await settlementOf(app.db, payment.id), settledOnce);
      const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
      assert.deepEqual([attempt.status, attempt.latePayment], ['succeeded', false]);
      const inbox = await app.db.providerNotification.findMany({ where: { paymentId: payment.id } });
      assert.equal(inbox.length, 1, 'the query and the callback are one fact');
    }
  });

  test('a callback for an attempt in the middle of closing wins over the close', async () => {
    const { payment, attemptId } = await expiredSandboxPayment();
    await setSandboxFaults(payment.id, { close: 'error' });
    await pastExpiry(payment);
    assert.equal(outcomeOf(await run('close-expired'), attemptId), 'close_failed');
    assert.equal((await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } })).status, 'closing');
    // The shopper paid at the last moment (the provider took it just before the expiry; the test plays the provider's
    // side) and its verified callback arrives while we are still closing.
    await app.db.sandboxOrder.update({ where: { outTradeNo: payment.providerTradeNo }, data: { state: 'SUCCESS', paidAt: new Date() } });
    assert.equal((await postCallback(await sandboxPaidCallback(app.db, payment.providerTradeNo))).status, 200);
    const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    assert.deepEqual([attempt.status, attempt.latePayment], ['succeeded', false]);
    assert.deepEqual(await settlementOf(app.db, payment.id), settledOnce);
  });

  test('a close the provider fails is retried on the schedule until the provider closes it', async () => {
    const { payment, attemptId } = await expiredSandboxPayment();
    await setSandboxFaults(payment.id, { close: 'error' });
    await pastExpiry(payment);
    assert.equal(outcomeOf(await run('close-expired'), attemptId), 'close_failed');
    const closing = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { payment: true } });
    assert.deepEqual([closing.status, closing.payment.status], ['closing', 'pending']);
    assert.equal(outcomeOf(await run('close-expired'), attemptId), undefined, 'not due again yet');
    await setSandboxFaults(payment.id, { close: 'none' });
    await sleep(closing.nextQueryAt!.getTime() - Date.now() + 20);
    assert.equal(outcomeOf(await run('close-expired'), attemptId), 'closed');
    assert.equal((await app.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status, 'closed');
  });

  test('a success on an attempt already closed is a late payment: the payment succeeds, flagged, and is handed on', async () => {
    const { payment, attemptId } = await expiredSandboxPayment();
    await pastExpiry(payment);
    assert.equal(outcomeOf(await run('close-expired'), attemptId), 'closed');
    // The provider reports it paid after all (its close lost a race on its side): a verified callback.
    await app.db.sandboxOrder.update({ where: { outTradeNo: payment.providerTradeNo }, data: { state: 'SUCCESS', paidAt: new Date() } });
    assert.equal((await postCallback(await sandboxPaidCallback(app.db, payment.providerTradeNo))).status, 200);
    assert.deepEqual(await settlementOf(app.db, payment.id), settledOnce);
    const settled = await app.db.payment.findUniqueOrThrow({ where: { id: payment.id }, include: { attempts: true } });
    assert.equal(settled.paidAttemptId, attemptId);
    assert.match(settled.flaggedReason ?? '', /after the attempt was closed/);
    assert.deepEqual([settled.attempts[0].status, settled.attempts[0].latePayment], ['succeeded', true]);
    const extra = (await jobsIn(app.db, 'extra-payment')).filter((job) => job.data.attemptId === attemptId);
    assert.deepEqual(
      extra.map((job) => job.data.kind),
      ['late_payment'],
    );
  });

  test('a payment whose order could not be placed is closed at its expiry (failed, as every attempt failed)', async () => {
    const merchant = await makeMerchant(app.db);
    const body = { merchantId: merchant.id, outTradeNo: `NOPLACE${Date.now()}`, amount: 100, provider: 'sandbox', expiresInSeconds: 1 };
    const { POST: faultsRoute } = await import('@/app/api/sandbox/faults/route');
    await callRoute(faultsRoute, { body: { create: 'error' } });
    try {
      assert.equal((await callRoute(createPaymentRoute, { body })).status, 502);
    } finally {
      await callRoute(faultsRoute, { body: { create: 'none' } });
    }
    const payment = await app.db.payment.findFirstOrThrow({ where: { merchantId: merchant.id } });
    await sleep(payment.expiresAt!.getTime() - Date.now() + 20);
    const result = await run('close-expired');
    assert.equal(outcomeOf(result, payment.id), 'payment_closed');
    assert.equal((await app.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status, 'failed');
  });
});

describe('POST /api/lifecycle/run', () => {
  test('bad requests get a clear 4xx', async () => {
    const merchant = await makeMerchant(app.db);
    const cases: { name: string; call: Parameters<typeof callRoute>[1]; status: number; code: string }[] = [
      { name: 'unknown task', call: { body: { task: 'reboot' } }, status: 422, code: 'validation_failed' },
      { name: 'no task', call: { body: {} }, status: 422, code: 'validation_failed' },
      {
        name: 'not JSON',
        call: { rawBody: 'task=close-expired', headers: { 'content-type': 'application/json' } },
        status: 400,
        code: 'bad_request',
      },
      { name: 'no token', call: { body: { task: 'close-expired' }, token: null }, status: 401, code: 'unauthorized' },
      { name: 'a merchant key', call: { body: { task: 'close-expired' }, token: merchant.apiKey }, status: 403, code: 'forbidden' },
    ];
    for (const item of cases) {
      const answer = await callRoute(runRoute, item.call);
      assert.equal(answer.status, item.status, `${item.name}: ${answer.text}`);
      assert.equal(answer.json.error.code, item.code, item.name);
    }
  });

  test('confirm-pending answers what it did', async () => {
    const merchant = await makeMerchant(app.db);
    const payment = await makePayment(app.db, { merchantId: merchant.id, provider: 'sandbox' });
    await paySandbox(payment.id, { fault: 'lost' });
    await sleep(Math.max(0, Date.parse(payment.attempts[0].nextQueryAt!) - Date.now() + 20));
    const result = await run('confirm-pending');
    assert.equal(outcomeOf(result, payment.attempts[0].id), 'settled');
    assert.ok(result.examined >= 1);
    assert.ok((result.outcomes.settled ?? 0) >= 1);
  });
});
