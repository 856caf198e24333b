import { EventEmitter, once } from 'node:events';
import type { PgBoss } from 'pg-boss';
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { createBoss } from '@/lib/queue/boss';
import { jobs } from '@/lib/queue/jobs';
import { pollingOptions } from '@/lib/queue/work-options';
import { lifecycleSettingsFrom } from '@/server/lifecycle/lifecycle-settings';
import { checkRefund } from '@/server/refunds/check-refund';
import type { App } from '@/tests/helpers/use-app';

/** The per-refund check-refund jobs in this test process, as the worker runs them, each look announced by refund. */
export function useRefundWorker(app: App) {
  const looks = new EventEmitter();
  const worker = {} as {
    boss: PgBoss;
    /** Resolves with the outcome of the next look at the refund that `accept` takes (by default any but not_due). */
    waitForLook: (refundId: string, accept?: (outcome: string) => boolean) => Promise<string>;
  };
  worker.waitForLook = async (refundId, accept = (outcome) => outcome !== 'not_due') => {
    for (;;) {
      const [outcome] = (await once(looks, refundId)) as [string];
      if (accept(outcome)) return outcome;
    }
  };
  app.onStart(async () => {
    const env = getEnv();
    const db = getPrisma();
    const settings = lifecycleSettingsFrom(env);
    worker.boss = createBoss(env.DATABASE_URL, 'worker');
    await worker.boss.start();
    await worker.boss.work(jobs.checkRefund.name, { ...pollingOptions, batchSize: 1, localConcurrency: 4 }, async ([job]) => {
      const { refundId, force } = jobs.checkRefund.schema.parse(job.data);
      const outcome = await checkRefund({ db, boss: worker.boss, refundId, force, settings });
      looks.emit(refundId, outcome);
      return { outcome };
    });
    app.onStop(() => worker.boss.stop({ graceful: false, close: true }));
  });
  return worker;
}
