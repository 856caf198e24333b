// The lifecycle with real worker processes: one killed with SIGKILL while it settles lost notifications by queries,
// then two at once finishing the work. Nothing is lost, nothing is applied twice.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { paySandbox } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';
import { waitFor } from '../helpers/start-system';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

const app = useApp({ PAYMENT_QUERY_SCHEDULE: '1', LIFECYCLE_LEASE_SECONDS: '3', LIFECYCLE_SWEEP_CRON: '*/5 * * * * *' });
const workers: WorkerProcess[] = [];
app.onStop(async () => {
  await Promise.all(workers.map((worker) => worker.kill('SIGKILL')));
});

async function worker() {
  const started = await startWorkerProcess({});
  workers.push(started);
  return started;
}

const settledCount = (ids: string[]) => app.db.payment.count({ where: { id: { in: ids }, status: 'succeeded' } });

describe('lifecycle workers survive crashes', () => {
  test('a worker killed with SIGKILL mid-sweep, then two workers: every lost notification settled exactly once', async () => {
    const merchant = await makeMerchant(app.db);
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const payment = await makePayment(app.db, { merchantId: merchant.id, provider: 'sandbox', amount: 100 + i });
      // Paid at the sandbox, its callback lost: only a status query can settle it.
      await paySandbox(payment.id, { fault: 'lost' });
      ids.push(payment.id);
    }
    const victim = await worker();
    await waitFor(async () => (await settledCount(ids)) > 0, 30_000);
    await victim.kill('SIGKILL');
    const atKill = await settledCount(ids);
    assert.ok(atKill < ids.length, `the victim settled everything (${atKill}) before it could be killed`);

    await Promise.all([worker(), worker()]);
    await waitFor(async () => (await settledCount(ids)) === ids.length, 90_000);
    for (const id of ids) {
      const payment = await app.db.payment.findUniqueOrThrow({ where: { id }, include: { attempts: true } });
      assert.equal(payment.paidAttemptId, payment.attempts[0].id);
      assert.equal(await app.db.delivery.count({ where: { paymentId: id } }), 1, `one delivery for ${id}`);
      const inbox = await app.db.providerNotification.findMany({ where: { paymentId: id } });
      assert.deepEqual(
        inbox.map((row) => [row.source, row.outcome]),
        [['query', 'applied']],
      );
    }
    const events = await app.db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM pgboss.job WHERE name = 'risk' AND data->'data'->>'paymentId' = ANY(${ids}::text[])`;
    assert.equal(Number(events[0].count), ids.length, 'one topic event per payment');
  });
});
