// Confirm pending (DESIGN §9) with the per-attempt jobs running in this process: a schedule compressed to seconds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { settlementOf } from '@/tests/helpers/queue-jobs';
import { paySandbox, postCallback, sandboxPaidCallback, setSandboxFaults } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';
import { useLifecycleWorker } from '@/tests/helpers/use-lifecycle-worker';

const app = useApp({ PAYMENT_QUERY_SCHEDULE: '1,1,2', PAYMENT_QUERY_HORIZON_SECONDS: '2', LIFECYCLE_LEASE_SECONDS: '5' });
const worker = useLifecycleWorker(app);

const nothingSettled = { status: 'pending', deliveries: 0, deliveryJobs: 0, risk: 0, campaign: 0, promotion: 0 };
const settledOnce = { status: 'succeeded', deliveries: 1, deliveryJobs: 1, risk: 1, campaign: 1, promotion: 1 };

async function sandboxPayment(options: { expiresInSeconds?: number; amount?: number } = {}) {
  const merchant = await makeMerchant(app.db);
  const payment = await makePayment(app.db, { merchantId: merchant.id, provider: 'sandbox', ...options });
  return { payment, attemptId: payment.attempts[0].id };
}

const exchangesOf = (attemptId: string) => app.db.providerExchange.findMany({ where: { attemptId }, orderBy: { startedAt: 'asc' } });

describe('confirm pending', () => {
  test('a lost notification is settled by the first status query, and its late copy is a harmless duplicate', async () => {
    const { payment, attemptId } = await sandboxPayment();
    await paySandbox(payment.id, { fault: 'lost' });
    assert.equal(await worker.waitForLook(attemptId), 'settled');
    const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    const queries = (await exchangesOf(attemptId)).filter((exchange) => exchange.operation === 'query_order');
    assert.equal(queries.length, 1, 'the first query settled it');
    const [firstQuery] = queries;
    // Due 1 s after creation; a delayed job is picked up within the queue's polling floor (about a second more).
    const after = firstQuery.startedAt.getTime() - attempt.createdAt.getTime();
    assert.ok(after >= 1_000 && after < 4_000, `queried ${after} ms after creation`);
    assert.equal(attempt.status, 'succeeded');
    assert.equal(attempt.nextQueryAt, null);
    assert.deepEqual(await settlementOf(app.db, payment.id), settledOnce);
    const [inbox] = await app.db.providerNotification.findMany({ where: { paymentId: payment.id } });
    assert.deepEqual([inbox.source, inbox.outcome, inbox.exchangeId], ['query', 'applied', firstQuery.id]);
    assert.equal(inbox.rawBody, firstQuery.responseBody);

    // The provider's callback finally arrives: answered success, applied nothing.
    const late = await postCallback(await sandboxPaidCallback(app.db, payment.providerTradeNo));
    assert.equal(late.status, 200, late.text);
    assert.deepEqual(await settlementOf(app.db, payment.id), settledOnce);
    const rows = await app.db.providerNotification.findMany({ where: { paymentId: payment.id } });
    assert.deepEqual(
      rows.map((row) => [row.source, row.outcome, row.receivedCount]),
      [['query', 'applied', 2]],
    );
  });

  test('an unpaid attempt is queried at growing intervals, each look recorded and the next one scheduled', async () => {
    const { attemptId } = await sandboxPayment();
    assert.equal(await worker.waitForLook(attemptId), 'still_pending');
    assert.equal(await worker.waitForLook(attemptId), 'still_pending');
    const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    assert.equal(attempt.status, 'pending');
    assert.ok(attempt.queryCount >= 2);
    assert.equal(attempt.lastProviderState, 'NOTPAY');
    assert.ok(attempt.nextQueryAt && attempt.lastQueriedAt);
    // The third wait of the schedule is 2 s.
    const wait = attempt.nextQueryAt.getTime() - attempt.lastQueriedAt.getTime();
    assert.ok(wait >= 1_900 && wait <= 2_100, `next look ${wait} ms after the last`);
    const queries = (await exchangesOf(attemptId)).filter((exchange) => exchange.operation === 'query_order');
    assert.equal(queries.length, attempt.queryCount);
    assert.ok(queries.every((exchange) => exchange.verdict === 'ok'));
  });

  for (const { fault, outcome, why } of [
    { fault: 'wrong_amount', outcome: 'untrusted_answer', why: /1281/ },
    { fault: 'bad_signature', outcome: 'untrusted_answer', why: /signature/i },
    { fault: 'stale_timestamp', outcome: 'untrusted_answer', why: /Timestamp/ },
  ]) {
    test(`a "paid" answer with a ${fault.replace('_', ' ')} is refused: kept, raised, never settled`, async () => {
      const { payment, attemptId } = await sandboxPayment({ amount: 1_280 });
      await paySandbox(payment.id, { fault: 'lost' });
      await setSandboxFaults(payment.id, { query: fault });
      assert.equal(await worker.waitForLook(attemptId), outcome);
      assert.deepEqual(await settlementOf(app.db, payment.id), nothingSettled);
      const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
      assert.equal(attempt.status, 'pending');
      assert.ok(attempt.nextQueryAt, 'it is looked at again');
      const query = (await exchangesOf(attemptId)).find((exchange) => exchange.operation === 'query_order')!;
      const alerts = await app.db.riskAlert.findMany({ where: { paymentId: payment.id } });
      assert.equal(query.verdict, 'rejected');
      assert.match(query.reason ?? '', why);
      assert.equal(await app.db.providerNotification.count({ where: { attemptId } }), 0);
      assert.deepEqual(
        alerts.map((alert) => alert.kind),
        ['untrusted_provider_answer'],
      );
      // The same refusal on the next look raises nothing new.
      assert.equal(await worker.waitForLook(attemptId), outcome);
      assert.equal(await app.db.riskAlert.count({ where: { paymentId: payment.id } }), 1);
      // Once the provider answers honestly, the next look settles it.
      await setSandboxFaults(payment.id, { query: 'none' });
      assert.equal(await worker.waitForLook(attemptId), 'settled');
      assert.deepEqual(await settlementOf(app.db, payment.id), settledOnce);
    });
  }

  test('a query that errors leaves the attempt pending and tries again on the schedule', async () => {
    const { payment, attemptId } = await sandboxPayment();
    await paySandbox(payment.id, { fault: 'lost' });
    await setSandboxFaults(payment.id, { query: 'error' });
    assert.equal(await worker.waitForLook(attemptId), 'query_failed');
    const failed = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    assert.deepEqual([failed.status, failed.queryCount], ['pending', 1]);
    const [query] = (await exchangesOf(attemptId)).filter((exchange) => exchange.operation === 'query_order');
    assert.deepEqual([query.status, query.verdict], [500, 'failed']);
    await setSandboxFaults(payment.id, { query: 'none' });
    assert.equal(await worker.waitForLook(attemptId), 'settled');
  });

  test('an attempt still unresolved at the end of its queries raises an alert and is queried no more', async () => {
    const { payment, attemptId } = await sandboxPayment({ expiresInSeconds: 1 });
    // Past its expiry the provider will not close it and answers no query: nothing resolves it.
    await setSandboxFaults(payment.id, { close: 'error' });
    const outcome = await worker.waitForLook(attemptId, (o) => o === 'gave_up');
    assert.equal(outcome, 'gave_up');
    const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    assert.deepEqual([attempt.status, attempt.nextQueryAt], ['closing', null]);
    const [alert] = await app.db.riskAlert.findMany({ where: { paymentId: payment.id } });
    assert.equal(alert.kind, 'attempt_unresolved');
    assert.match(JSON.stringify(alert.evidence), new RegExp(payment.providerTradeNo));
    const looks = worker.outcomes.get(attemptId)!.filter((o) => o !== 'not_due');
    assert.deepEqual(looks, [...looks.slice(0, -1).map(() => 'close_failed'), 'gave_up']);
  });
});
