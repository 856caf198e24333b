import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import type { LeasedAttempt, LookOutcome } from './leased-attempt';
import type { LifecycleSettings } from './lifecycle-settings';
import { nextLookAt } from './next-look-at';
import { raiseLifecycleAlert } from './raise-lifecycle-alert';
import { scheduleAttemptCheck } from './schedule-attempt-check';

type RecordLook = {
  db: Db;
  boss: PgBoss;
  attempt: LeasedAttempt;
  /** What the provider said (its state word), or null when no usable answer came. */
  providerState: string | null;
  settings: LifecycleSettings;
  outcome: LookOutcome;
};

/**
 * A look that left the attempt unresolved: counts it, schedules the next look (and queues its job) and releases the
 * lease, in one transaction. Past the horizon there is no next look: the attempt is left to a person, with an alert.
 * An attempt already final (a forced look at a closed one) keeps no schedule.
 */
export async function recordLook({ db, boss, attempt, providerState, settings, outcome }: RecordLook): Promise<LookOutcome> {
  const now = new Date();
  const open = attempt.status === 'pending' || attempt.status === 'closing';
  const next = open
    ? nextLookAt({
        from: now,
        queryCount: attempt.queryCount + 1,
        expiresAt: attempt.expiresAt,
        schedule: settings.querySchedule,
        horizonSeconds: settings.queryHorizonSeconds,
      })
    : null;
  await db.$transaction(async (tx) => {
    const updated = await tx.paymentAttempt.updateMany({
      where: { id: attempt.id, status: { not: 'succeeded' } },
      data: {
        queryCount: { increment: 1 },
        lastQueriedAt: now,
        lastProviderState: providerState ?? undefined,
        nextQueryAt: open ? next : undefined,
        leaseUntil: null,
      },
    });
    if (updated.count === 0 || !open) return;
    if (next) await scheduleAttemptCheck({ tx, boss, attemptId: attempt.id, at: next });
    else {
      await raiseLifecycleAlert({
        tx,
        kind: 'attempt_unresolved',
        attemptId: attempt.id,
        merchantId: attempt.merchantId,
        paymentId: attempt.paymentId,
        evidence: {
          message: `Attempt ${attempt.providerTradeNo} is still ${attempt.status} ${settings.queryHorizonSeconds} s past its expiry; queries stopped`,
          providerTradeNo: attempt.providerTradeNo,
          provider: attempt.provider,
          queries: attempt.queryCount + 1,
          lastProviderState: providerState ?? attempt.lastProviderState,
        },
      });
    }
  });
  return next || !open ? outcome : 'gave_up';
}
