// The settle pass on its pg-boss schedule (SETTLE_CRON, compressed to seconds here): a worker's schedule fires the
// `settle` job by itself, and yesterday is settled without anyone asking.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createBoss } from '@/lib/queue/boss';
import { jobs } from '@/lib/queue/jobs';
import { createQueues } from '@/lib/queue/queues';
import { lifecycleSettingsFrom } from '@/server/lifecycle/lifecycle-settings';
import { getEnv } from '@/lib/env';
import { attemptOf, bookAt, feeMerchant } from '@/tests/helpers/ledger-facts';
import { useApp } from '@/tests/helpers/use-app';
import { registerSettlementSchedules } from '@/workers/jobs/settlement-schedules';

const app = useApp({ SETTLEMENT_DELAY_SECONDS: '0', SETTLE_CRON: '*/2 * * * * *' });

describe('the settle schedule', () => {
  test('the worker’s schedule runs the settle pass by itself and settles the day that ended', async () => {
    const shop = await feeMerchant(app.db);
    const attempt = await attemptOf(app.db, shop.id);
    await bookAt(app.db, attempt, [{ kind: 'payment', amount: 777, at: new Date(Date.now() - 86_400_000) }]);
    const env = getEnv();
    const worker = createBoss(env.DATABASE_URL, 'worker', { spies: true });
    await worker.start();
    app.onStop(() => worker.stop({ graceful: false, close: true }));
    await createQueues(worker);
    const settle = worker.getSpy<object>(jobs.settle.name);
    await registerSettlementSchedules({
      boss: worker,
      db: app.db,
      settings: lifecycleSettingsFrom(env),
      settleCron: env.SETTLE_CRON,
      reconcileCron: env.RECONCILE_CRON,
    });
    const schedules = await worker.getSchedules();
    assert.deepEqual(
      schedules
        .filter((schedule) => schedule.name === jobs.settle.name || schedule.name === jobs.reconcile.name)
        .map((schedule) => [schedule.name, schedule.cron])
        .sort(),
      [
        [jobs.reconcile.name, '30 10 * * *'],
        [jobs.settle.name, '*/2 * * * * *'],
      ],
    );
    await settle.waitForJob(() => true, 'completed');
    const rows = await app.db.settlement.findMany({ where: { merchantId: shop.id } });
    assert.deepEqual(
      rows.map((row) => Number(row.grossAmount)),
      [777],
    );
  });
});
