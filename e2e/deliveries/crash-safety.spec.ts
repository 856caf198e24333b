// Crash safety with real worker processes: kill -9 mid-delivery, several workers at once, a merchant
// down for the whole schedule. Deliveries still arrive, once at a time, with the same webhook-id.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as bulkRoute } from '@/app/api/deliveries/redeliver/route';
import { makeMerchant } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';
import { waitFor } from '../helpers/start-system';

const keys = makeWechatpayKeys();
const app = useApp({ ...keys.env, DELIVERY_RETRY_SCHEDULE: '1,1', DELIVERY_TIMEOUT_MS: '5000', WORKER_CONCURRENCY: '16' });
const merchant = await startMerchantServer();
const workers: WorkerProcess[] = [];
app.onStop(async () => {
  await Promise.all(workers.map((worker) => worker.kill('SIGKILL')));
});

async function worker() {
  const started = await startWorkerProcess({});
  workers.push(started);
  return started;
}

const statusOf = async (id: string) => (await app.db.delivery.findUniqueOrThrow({ where: { id } })).status;

describe('deliveries survive crashes', () => {
  test('a worker killed with SIGKILL in the middle of a delivery: it still arrives, with the same webhook-id', async () => {
    let first = true;
    merchant.answer('/crash', () => {
      if (!first) return { status: 200 };
      first = false;
      return { status: 200, delayMs: 60_000 };
    });
    const victim = await worker();
    const { delivery } = await payThroughCallback(app.db, keys, { notifyUrl: merchant.url('/crash') });
    await merchant.until(() => merchant.receivedAt('/crash').length === 1);
    await victim.kill('SIGKILL');
    const started = Date.now();
    await worker();
    await waitFor(async () => (await statusOf(delivery.id)) === 'delivered', 60_000);
    const ids = merchant.receivedAt('/crash').map((request) => request.headers['webhook-id']);
    assert.deepEqual(ids, [delivery.id, delivery.id]);
    assert.ok(Date.now() - started < 45_000, `recovered in ${Date.now() - started} ms`);
  });

  test('three workers at once: every delivery arrives, none is sent twice or twice at a time', async () => {
    await Promise.all([worker(), worker()]);
    const inFlight = new Set<string>();
    let overlaps = 0;
    merchant.answer('/busy', (request) => {
      const id = request.headers['webhook-id'];
      if (inFlight.has(id)) overlaps++;
      inFlight.add(id);
      setTimeout(() => inFlight.delete(id), 20);
      return { status: 200, delayMs: 20 };
    });
    const shops = await Promise.all([1, 2, 3, 4].map(() => makeMerchant(app.db, { notifyUrl: merchant.url('/busy') })));
    const paid = [];
    for (let i = 0; i < 120; i++) paid.push(await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shops[i % 4].id }));
    const ids = paid.map((p) => p.delivery.id);
    await waitFor(async () => (await app.db.delivery.count({ where: { id: { in: ids }, status: 'delivered' } })) === ids.length, 60_000);
    const received = merchant.receivedAt('/busy').map((request) => request.headers['webhook-id']);
    assert.equal(overlaps, 0);
    assert.equal(received.length, ids.length, 'each delivery sent exactly once');
    assert.deepEqual(new Set(received), new Set(ids));
  });

  test('a merchant down for the whole schedule ends in the dead-letter set, and a redrive delivers it', async () => {
    let up = false;
    merchant.answer('/outage', () => (up ? { status: 200 } : 'drop'));
    const { delivery, merchantId } = await payThroughCallback(app.db, keys, { notifyUrl: merchant.url('/outage') });
    await waitFor(async () => (await statusOf(delivery.id)) === 'failed', 30_000);
    assert.equal(merchant.receivedAt('/outage').length, 3);
    up = true;
    const redriven = await callRoute(bulkRoute, { body: { merchantId } });
    assert.equal(redriven.json.redelivered, 1);
    await waitFor(async () => (await statusOf(delivery.id)) === 'delivered', 30_000);
    assert.deepEqual(new Set(merchant.receivedAt('/outage').map((r) => r.headers['webhook-id'])), new Set([delivery.id]));
  });
});
