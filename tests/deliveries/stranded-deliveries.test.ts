import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as redriveRoute } from '@/app/api/queues/[queue]/redrive/route';
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { createBoss } from '@/lib/queue/boss';
import { deadLetterOf, queues } from '@/lib/queue/queues';
import { makeMerchant } from '@/prisma/seed/factories';
import { requeueStrandedDeliveries } from '@/server/deliveries/requeue-stranded-deliveries';
import { registerDeliverWebhook } from '@/workers/jobs/deliver-webhook';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { jobsIn } from '@/tests/helpers/queue-jobs';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const app = useApp(keys.env);
const merchantServer = await startMerchantServer();

const sweep = () => requeueStrandedDeliveries({ db: app.db, boss: app.boss, graceSeconds: 0 });
const liveJobsOf = async (deliveryId: string) =>
  (
    await app.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job
    WHERE name = ${queues.deliverWebhook} AND state IN ('created', 'retry', 'active') AND data->>'deliveryId' = ${deliveryId}`
  )[0].n;

/** A delivery worker started only now, after its job was taken away, as a restarted worker would be. */
async function startDeliveryWorker() {
  const env = getEnv();
  const boss = createBoss(env.DATABASE_URL, 'worker', { spies: true });
  await boss.start();
  const spy = boss.getSpy<{ deliveryId: string }>(queues.deliverWebhook);
  await registerDeliverWebhook({
    boss,
    db: getPrisma(),
    settings: { schedule: [1], disableAfterSeconds: 3_600, timeoutMs: 2_000, allowlist: env.NOTIFY_URL_ALLOWLIST },
    merchantConcurrency: 10,
    concurrency: 4,
  });
  app.onStop(() => boss.stop({ graceful: false, close: true }));
  return { delivered: (deliveryId: string) => spy.waitForJob((data) => data.deliveryId === deliveryId, 'completed') };
}

describe('stranded deliveries and dead letters', () => {
  test('a delivery whose job was deleted, or failed past its retries, is re-queued once and still arrives', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: merchantServer.url('/stranded') });
    const deleted = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id });
    const failed = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id });
    const healthy = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id });
    // Kill the jobs under two deliveries: one deleted, one failed with no retries left (it goes to the dead letters).
    await app.boss.deleteJob(queues.deliverWebhook, deleted.delivery.id);
    await app.db.$executeRaw`UPDATE pgboss.job SET retry_limit = 0 WHERE id = ${failed.delivery.id}::uuid`;
    await app.boss.fail(queues.deliverWebhook, failed.delivery.id, new Error('killed by the test'));
    assert.equal(await liveJobsOf(deleted.delivery.id), 0);
    assert.equal(await liveJobsOf(failed.delivery.id), 0);
    assert.equal(await liveJobsOf(healthy.delivery.id), 1);

    assert.equal((await requeueStrandedDeliveries({ db: app.db, boss: app.boss, graceSeconds: 3_600 })).length, 0, 'within the grace');
    // Four sweepers at once (several workers): each stranded delivery is re-queued exactly once.
    const swept = (await Promise.all([sweep(), sweep(), sweep(), sweep()])).flat();
    assert.deepEqual(swept.sort(), [deleted.delivery.id, failed.delivery.id].sort());
    for (const delivery of [deleted, failed, healthy]) assert.equal(await liveJobsOf(delivery.delivery.id), 1);
    assert.deepEqual(await sweep(), []);

    const worker = await startDeliveryWorker();
    await Promise.all([deleted, failed, healthy].map((paid) => worker.delivered(paid.delivery.id)));
    const ids = merchantServer.receivedAt('/stranded').map((request) => request.headers['webhook-id']);
    assert.deepEqual(ids.sort(), [deleted, failed, healthy].map((paid) => paid.delivery.id).sort());
    const statuses = await app.db.delivery.findMany({ where: { merchantId: shop.id }, select: { status: true } });
    assert.deepEqual(
      statuses.map((row) => row.status),
      ['delivered', 'delivered', 'delivered'],
    );
  });

  test("a subscriber queue's dead letters are counted by a preview, then sent through the queue again", async () => {
    const shop = await makeMerchant(app.db);
    const paid = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id });
    const [event] = (await jobsIn(app.db, queues.campaign)).filter((job) => job.data.data?.paymentId === paid.payment.id);
    // An event that failed every retry lands in the dead-letter queue; put one there as pg-boss would.
    await app.boss.send(deadLetterOf(queues.campaign), event.data);
    const before = (await jobsIn(app.db, queues.campaign)).filter((job) => job.data.eventId === event.data.eventId).length;

    const preview = await callRoute(redriveRoute, { method: 'POST', params: { queue: 'campaign' }, body: { preview: true } });
    assert.equal(preview.status, 200, preview.text);
    assert.deepEqual(preview.json, { queue: 'campaign', deadLetterQueue: 'campaign-dead', preview: true, waiting: 1, redriven: 0 });
    const redriven = await callRoute(redriveRoute, { method: 'POST', params: { queue: 'campaign' }, body: {} });
    assert.equal(redriven.status, 200, redriven.text);
    assert.equal(redriven.json.redriven, 1);
    const after = (await jobsIn(app.db, queues.campaign)).filter((job) => job.data.eventId === event.data.eventId).length;
    assert.equal(after, before + 1, 'the event is back in its queue');
    const again = await callRoute(redriveRoute, { method: 'POST', params: { queue: 'campaign' }, body: { preview: true } });
    assert.equal(again.json.waiting, 0);

    for (const queue of ['deliver-webhook', 'nope', 'risk-dead']) {
      const refused = await callRoute(redriveRoute, { method: 'POST', params: { queue }, body: {} });
      assert.equal(refused.status, 404, `${queue}: ${refused.text}`);
    }
    const merchantKey = await callRoute(redriveRoute, { method: 'POST', params: { queue: 'risk' }, body: {}, token: shop.apiKey });
    assert.equal(merchantKey.status, 403);
  });
});
