import { EventEmitter, once } from 'node:events';
import type { PgBoss } from 'pg-boss';
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { createBoss } from '@/lib/queue/boss';
import { jobs } from '@/lib/queue/jobs';
import { pollingOptions } from '@/lib/queue/work-options';
import { checkAttempt } from '@/server/lifecycle/check-attempt';
import { lifecycleSettingsFrom } from '@/server/lifecycle/lifecycle-settings';
import { registerExtraPayment } from '@/workers/jobs/extra-payment';
import type { App } from './use-app';

/**
 * The per-attempt lifecycle jobs in this test process, as the worker runs them, with every look announced so a test
 * waits on the queue's own work instead of sleeping.
 */
export function useLifecycleWorker(app: App) {
  const looks = new EventEmitter();
  const worker = {} as {
    boss: PgBoss;
    /** Resolves with the outcome of the next look at the attempt that `accept` takes (by default any but not_due). */
    waitForLook: (attemptId: string, accept?: (outcome: string) => boolean) => Promise<string>;
    /** Every look's outcome, per attempt, in order. */
    outcomes: Map<string, string[]>;
    waitForExtraPayment: (attemptId: string) => Promise<unknown>;
  };
  worker.outcomes = new Map();
  worker.waitForLook = async (attemptId, accept = (outcome) => outcome !== 'not_due') => {
    for (;;) {
      const [outcome] = (await once(looks, attemptId)) as [string];
      if (accept(outcome)) return outcome;
    }
  };
  app.onStart(async () => {
    const env = getEnv();
    const db = getPrisma();
    const settings = lifecycleSettingsFrom(env);
    worker.boss = createBoss(env.DATABASE_URL, 'worker', { spies: true });
    await worker.boss.start();
    const extras = worker.boss.getSpy<{ attemptId: string }>(jobs.extraPayment.name);
    await worker.boss.work(jobs.checkAttempt.name, { ...pollingOptions, batchSize: 1, localConcurrency: 4 }, async ([job]) => {
      const { attemptId, force } = jobs.checkAttempt.schema.parse(job.data);
      const outcome = await checkAttempt({ db, boss: worker.boss, attemptId, force, settings });
      worker.outcomes.set(attemptId, [...(worker.outcomes.get(attemptId) ?? []), outcome]);
      looks.emit(attemptId, outcome);
      return { outcome };
    });
    await registerExtraPayment({ boss: worker.boss, db });
    worker.waitForExtraPayment = (attemptId) => extras.waitForJob((data) => data.attemptId === attemptId, 'completed');
    app.onStop(() => worker.boss.stop({ graceful: false, close: true }));
  });
  return worker;
}
