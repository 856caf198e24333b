import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { queues } from '@/lib/queue/queues';
import { outTradeNo } from '@/prisma/seed/factories';
import { api, startSystem, waitFor, type RunningSystem } from '../helpers/start-system';

let system: RunningSystem;
let merchantId: string;

before(async () => {
  system = await startSystem();
  const merchant = await api(system.baseUrl, 'POST', '/api/merchants', { name: 'E2E Mart', notifyUrl: 'http://127.0.0.1:9/notify' });
  assert.equal(merchant.status, 201);
  merchantId = merchant.json.id;
});

after(async () => {
  await system?.stop();
});

async function sandboxPayment(amount = 990) {
  const created = await api(system.baseUrl, 'POST', '/api/payments', { merchantId, outTradeNo: outTradeNo(), amount, provider: 'sandbox' });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  return created.json.id as string;
}

const statusOf = async (id: string) => (await api(system.baseUrl, 'GET', `/api/payments/${id}`)).json.status;

describe('the sandbox provider pays through the real processes', () => {
  test('a paid order reaches succeeded through a signed callback sent by the worker', async () => {
    const id = await sandboxPayment();
    const paid = await api(system.baseUrl, 'POST', `/api/sandbox/payments/${id}/pay`, {});
    assert.equal(paid.status, 202);
    assert.equal(paid.json.callbacks, 1);
    await waitFor(async () => (await statusOf(id)) === 'succeeded');
  });

  test('duplicated callbacks settle the payment once', async () => {
    const id = await sandboxPayment();
    const paid = await api(system.baseUrl, 'POST', `/api/sandbox/payments/${id}/pay`, { fault: 'duplicate', copies: 5 });
    assert.equal(paid.json.callbacks, 5);
    await waitFor(async () => (await statusOf(id)) === 'succeeded');
    const { db } = await import('@/tests/helpers/direct-db').then((m) => m.directDb(system.database.url));
    try {
      await waitFor(async () => (await db.providerNotification.findFirst({ where: { paymentId: id } }))?.receivedCount === 5);
      assert.equal(await db.delivery.count({ where: { paymentId: id } }), 1);
    } finally {
      await db.$disconnect();
    }
  });

  test('a lost callback is never sent nor stored, and nothing settles the payment by itself; paying twice is refused', async () => {
    const id = await sandboxPayment();
    const paid = await api(system.baseUrl, 'POST', `/api/sandbox/payments/${id}/pay`, { fault: 'lost' });
    assert.equal(paid.status, 202);
    assert.equal(paid.json.callbacks, 0);
    const again = await api(system.baseUrl, 'POST', `/api/sandbox/payments/${id}/pay`, {});
    assert.equal(again.status, 409);
    // A payment paid normally afterwards: once its callback is applied, the worker has had every chance to send one
    // for the lost payment too, had it been queued.
    const witness = await sandboxPayment();
    const witnessPaid = await api(system.baseUrl, 'POST', `/api/sandbox/payments/${witness}/pay`, {});
    assert.equal(witnessPaid.status, 202);
    await waitFor(async () => (await statusOf(witness)) === 'succeeded');
    const { db } = await import('@/tests/helpers/direct-db').then((m) => m.directDb(system.database.url));
    try {
      // The sandbox knows orders by their out_trade_no: the attempt's providerTradeNo.
      const callbackJobs = await db.$queryRaw<{ outTradeNo: string }[]>`
        SELECT data->>'outTradeNo' AS "outTradeNo" FROM pgboss.job WHERE name = ${queues.sandboxCallback}`;
      assert.ok(
        callbackJobs.some((job) => job.outTradeNo === witnessPaid.json.providerTradeNo),
        "the witness's callback went through the queue",
      );
      assert.equal(
        callbackJobs.filter((job) => job.outTradeNo === paid.json.providerTradeNo).length,
        0,
        'no callback was queued for the lost payment',
      );
      assert.equal(await db.providerNotification.count({ where: { paymentId: id } }), 0, 'no callback reached the gateway');
      // No status query has run yet (they start a minute after creation), and nothing else may settle it.
      const payment = await db.payment.findUniqueOrThrow({ where: { id } });
      assert.equal(payment.status, 'pending');
      assert.equal(payment.paidAt, null);
      assert.equal(await db.delivery.count({ where: { paymentId: id } }), 0);
    } finally {
      await db.$disconnect();
    }
  });

  test('a late callback arrives after its delay', async () => {
    const id = await sandboxPayment();
    const started = Date.now();
    await api(system.baseUrl, 'POST', `/api/sandbox/payments/${id}/pay`, { fault: 'late', delaySeconds: 2 });
    assert.equal(await statusOf(id), 'pending');
    await waitFor(async () => (await statusOf(id)) === 'succeeded', 20_000);
    assert.ok(Date.now() - started >= 2_000);
  });
});
