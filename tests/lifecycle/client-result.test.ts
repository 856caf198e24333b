// The app's synchronous result (DESIGN §9): stored, never trusted, and the provider asked at once. The query schedule
// is an hour here, so only the look the report asks for can settle anything.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as clientResultRoute } from '@/app/api/payments/[id]/client-result/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { jobsIn, settlementOf } from '@/tests/helpers/queue-jobs';
import { paySandbox, paySandboxAndNotify } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';
import { useLifecycleWorker } from '@/tests/helpers/use-lifecycle-worker';

const app = useApp({ PAYMENT_QUERY_SCHEDULE: '3600' });
const worker = useLifecycleWorker(app);

async function sandboxPayment() {
  const merchant = await makeMerchant(app.db);
  const payment = await makePayment(app.db, { merchantId: merchant.id, provider: 'sandbox' });
  return { merchant, payment, attemptId: payment.attempts[0].id };
}

function report(paymentId: string, body: unknown, token?: string) {
  return callRoute(clientResultRoute, { params: { id: paymentId }, body, token });
}

describe('client-result', () => {
  test('"paid" from the app changes nothing by itself; the query it triggers settles a payment that really was paid', async () => {
    const { payment, attemptId } = await sandboxPayment();
    await paySandbox(payment.id, { fault: 'lost' });
    const answer = await report(payment.id, { status: 'succeeded', raw: { errCode: 0, errStr: 'ok' } });
    assert.equal(answer.status, 202, answer.text);
    assert.equal(answer.json.paymentStatus, 'pending');
    assert.deepEqual(answer.json.queriedAttempts, [payment.providerTradeNo]);
    const [stored] = await app.db.clientResult.findMany({ where: { paymentId: payment.id } });
    assert.deepEqual([stored.status, stored.raw], ['succeeded', { errCode: 0, errStr: 'ok' }]);
    assert.equal(await worker.waitForLook(attemptId), 'settled');
    assert.equal((await settlementOf(app.db, payment.id)).status, 'succeeded');
  });

  test('"paid" from the app for an order nobody paid: the payment stays pending and keeps its schedule', async () => {
    const { payment, attemptId } = await sandboxPayment();
    const answer = await report(payment.id, { status: 'succeeded' });
    assert.equal(answer.status, 202, answer.text);
    assert.equal(await worker.waitForLook(attemptId), 'still_pending');
    const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    assert.deepEqual([attempt.status, attempt.queryCount, attempt.lastProviderState], ['pending', 1, 'NOTPAY']);
    assert.equal((await settlementOf(app.db, payment.id)).status, 'pending');
    // Its next scheduled look is queued, an hour on.
    const waiting = (await jobsIn(app.db, 'check-attempt')).filter((job) => job.data.attemptId === attemptId);
    const next = await app.db.$queryRaw<{ start_after: Date }[]>`
      SELECT start_after FROM pgboss.job WHERE name = 'check-attempt' AND singleton_key = ${attemptId} AND state = 'created'`;
    assert.ok(waiting.length >= 1);
    assert.equal(next.length, 1);
    assert.ok(next[0].start_after.getTime() > Date.now() + 3_000_000);
  });

  test('reports of failure or cancellation are kept the same way', async () => {
    const { payment, attemptId } = await sandboxPayment();
    for (const status of ['failed', 'cancelled', 'processing', 'unknown']) {
      const answer = await report(payment.id, { status });
      assert.equal(answer.status, 202, `${status}: ${answer.text}`);
      assert.equal(answer.json.paymentStatus, 'pending');
    }
    await worker.waitForLook(attemptId);
    assert.deepEqual(
      (await app.db.clientResult.findMany({ where: { paymentId: payment.id }, orderBy: { receivedAt: 'asc' } })).map((r) => r.status),
      ['failed', 'cancelled', 'processing', 'unknown'],
    );
    assert.equal((await settlementOf(app.db, payment.id)).status, 'pending');
  });

  test('a report for a payment already settled is kept, and there is nothing to query', async () => {
    const { payment } = await sandboxPayment();
    await paySandboxAndNotify(app.db, payment.id);
    const answer = await report(payment.id, { status: 'succeeded' });
    assert.equal(answer.status, 202, answer.text);
    assert.deepEqual([answer.json.paymentStatus, answer.json.queriedAttempts], ['succeeded', []]);
  });

  test('bad reports get a clear 4xx and nothing is stored or queried', async () => {
    const { merchant, payment } = await sandboxPayment();
    const other = await makeMerchant(app.db);
    const cases: { name: string; call: Parameters<typeof callRoute>[1]; status: number; code: string }[] = [
      { name: 'no status', call: { body: {} }, status: 422, code: 'validation_failed' },
      { name: 'unknown status', call: { body: { status: 'paid!' } }, status: 422, code: 'validation_failed' },
      { name: 'status not a string', call: { body: { status: 1 } }, status: 422, code: 'validation_failed' },
      { name: 'raw too large', call: { body: { status: 'succeeded', raw: 'x'.repeat(9_000) } }, status: 422, code: 'validation_failed' },
      {
        name: 'not JSON',
        call: { rawBody: '{"status":', headers: { 'content-type': 'application/json' } },
        status: 400,
        code: 'bad_request',
      },
      { name: 'no token', call: { body: { status: 'succeeded' }, token: null }, status: 401, code: 'unauthorized' },
      { name: "another merchant's key", call: { body: { status: 'succeeded' }, token: other.apiKey }, status: 404, code: 'not_found' },
    ];
    const jobsBefore = (await jobsIn(app.db, 'check-attempt')).length;
    for (const item of cases) {
      const answer = await callRoute(clientResultRoute, { params: { id: payment.id }, ...item.call });
      assert.equal(answer.status, item.status, `${item.name}: ${answer.text}`);
      assert.equal(answer.json.error.code, item.code, item.name);
    }
    const unknown = await report('00000000-0000-7000-8000-000000000000', { status: 'succeeded' });
    assert.equal(unknown.status, 404);
    assert.equal(await app.db.clientResult.count({ where: { paymentId: payment.id } }), 0);
    assert.equal((await jobsIn(app.db, 'check-attempt')).length, jobsBefore);
    // The merchant's own key may report.
    assert.equal((await report(payment.id, { status: 'succeeded' }, merchant.apiKey)).status, 202);
  });
});
