import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventTopics, jobs } from '@/lib/queue/jobs';
import { insertJobs, publishEvents, sendJob } from '@/lib/queue/send-job';
import { paymentEvent } from '@/tests/helpers/payment-events';
import { jobsIn } from '@/tests/helpers/queue-jobs';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

describe('jobs are defined once and parsed where they are sent', () => {
  test('every defined job has its queue and dead-letter queue, and every topic its subscriptions', async () => {
    for (const job of Object.values(jobs)) {
      assert.ok(await app.boss.getQueue(job.name), `queue ${job.name} exists`);
      assert.equal((await app.boss.getQueue(job.name))?.deadLetter, `${job.name}-dead`);
    }
    const rows = await app.db.$queryRaw<{ event: string; name: string }[]>`SELECT event, name FROM pgboss.subscription`;
    for (const topic of Object.values(eventTopics)) {
      const subscribed = rows.filter((row) => row.event === topic.name).map((row) => row.name);
      assert.deepEqual(subscribed.sort(), topic.subscribers.map((queue) => queue.name).sort(), topic.name);
    }
  });

  test('a malformed payload fails at the producer and nothing is queued', async () => {
    const before = (await jobsIn(app.db, jobs.deliverWebhook.name)).length;
    await assert.rejects(sendJob(app.boss, jobs.deliverWebhook, { deliveryId: 'not-a-uuid' }), /deliveryId/);
    await assert.rejects(
      insertJobs(app.boss, jobs.deliverWebhook, [{ data: { deliveryId: crypto.randomUUID() } }, { data: { deliveryId: 'x', attempt: 0 } }]),
      /deliveryId|attempt/,
    );
    assert.equal((await jobsIn(app.db, jobs.deliverWebhook.name)).length, before);
  });

  test('a job is stored as its schema reads it, defaults included', async () => {
    const deliveryId = crypto.randomUUID();
    await sendJob(app.boss, jobs.deliverWebhook, { deliveryId });
    const [stored] = (await jobsIn(app.db, jobs.deliverWebhook.name)).filter((job) => job.data.deliveryId === deliveryId);
    assert.deepEqual(stored.data, { deliveryId, attempt: 1, step: 0 });
  });

  test('an event published on a topic lands once in every queue it feeds; a malformed one nowhere', async () => {
    const event = paymentEvent({ merchantId: crypto.randomUUID(), amount: 990, paidAt: new Date() });
    await publishEvents(app.boss, eventTopics.paymentSucceeded, [event]);
    for (const queue of eventTopics.paymentSucceeded.subscribers) {
      const copies = (await jobsIn(app.db, queue.name)).filter((job) => job.data.eventId === event.eventId);
      assert.equal(copies.length, 1, queue.name);
    }
    const broken = { ...event, eventId: crypto.randomUUID(), data: { ...event.data, amount: -5 } };
    await assert.rejects(publishEvents(app.boss, eventTopics.paymentSucceeded, [broken]), /amount/);
    for (const queue of eventTopics.paymentSucceeded.subscribers) {
      assert.equal((await jobsIn(app.db, queue.name)).filter((job) => job.data.eventId === broken.eventId).length, 0);
    }
  });
});
