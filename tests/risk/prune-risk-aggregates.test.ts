import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeMerchant } from '@/prisma/seed/factories';
import { getEnv } from '@/lib/env';
import { createBoss } from '@/lib/queue/boss';
import { queues } from '@/lib/queue/queues';
import { pruneRiskAggregates } from '@/server/risk/prune-risk-aggregates';
import { useApp } from '@/tests/helpers/use-app';
import { registerPruneRiskAggregates } from '@/workers/jobs/prune-risk-aggregates';

const app = useApp();
const hour = 3_600_000;
const retention = { bucketRetentionHours: 48, processedEventRetentionDays: 35 };

async function seed(merchantId: string, ages: { buckets: number[]; marks: number[] }) {
  for (const [i, age] of ages.buckets.entries()) {
    const bucketStart = new Date(Date.now() - age - i * 60_000);
    await app.db.merchantRiskBucket.create({ data: { merchantId, bucketStart, count: 1, amount: 100n } });
    await app.db.merchantRiskPartyBucket.create({ data: { merchantId, party: 'payer:p', bucketStart, count: 1 } });
  }
  for (const [i, age] of ages.marks.entries()) {
    await app.db.processedEvent.create({
      data: { subscriber: 'risk', eventId: `${merchantId}-${i}`, processedAt: new Date(Date.now() - age) },
    });
  }
}

describe('pruning the risk aggregates', () => {
  test('deletes buckets past the retention and marks past theirs, in chunks, and keeps everything younger', async () => {
    const merchant = await makeMerchant(app.db);
    await seed(merchant.id, {
      buckets: [49 * hour, 49 * hour, 49 * hour, 49 * hour, 47 * hour, hour],
      marks: [36 * 24 * hour, 36 * 24 * hour, 34 * 24 * hour],
    });
    const pruned = await pruneRiskAggregates({ db: app.db, ...retention, chunk: 3 });
    assert.deepEqual(pruned, { buckets: 4, partyBuckets: 4, processedEvents: 2 });
    assert.equal(await app.db.merchantRiskBucket.count({ where: { merchantId: merchant.id } }), 2);
    assert.equal(await app.db.merchantRiskPartyBucket.count({ where: { merchantId: merchant.id } }), 2);
    assert.deepEqual(
      (await app.db.processedEvent.findMany({ where: { eventId: { startsWith: merchant.id } } })).map((m) => m.eventId),
      [`${merchant.id}-2`],
    );
    // The merchant's history in three numbers is not an aggregate to prune.
    assert.deepEqual(await pruneRiskAggregates({ db: app.db, ...retention }), { buckets: 0, partyBuckets: 0, processedEvents: 0 });
  });

  test('the worker schedules the pruning every 10 minutes and runs it as a job', async () => {
    const merchant = await makeMerchant(app.db);
    await seed(merchant.id, { buckets: [50 * hour], marks: [40 * 24 * hour] });
    const worker = createBoss(getEnv().DATABASE_URL, 'worker', { spies: true });
    await worker.start();
    try {
      const spy = worker.getSpy(queues.pruneRiskAggregates);
      await registerPruneRiskAggregates({ boss: worker, db: app.db, retention });
      const [schedule] = await worker.getSchedules(queues.pruneRiskAggregates);
      assert.equal(schedule.cron, '*/10 * * * *');
      const id = await app.boss.send(queues.pruneRiskAggregates, {});
      const job = await spy.waitForJobWithId(id!, 'completed');
      assert.deepEqual(job.output, { buckets: 1, partyBuckets: 1, processedEvents: 1, abuse: { counters: 0, rateLimits: 0 } });
    } finally {
      await worker.stop({ graceful: false, close: true });
    }
  });
});
