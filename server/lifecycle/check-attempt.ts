import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { getProviderClient } from '@/server/providers/get-provider-client';
import type { LookOutcome } from './leased-attempt';
import type { LifecycleSettings } from './lifecycle-settings';
import { lookAtAttempt } from './look-at-attempt';
import { scheduleAttemptCheck } from './schedule-attempt-check';
import { takeAttemptLease } from './take-attempt-lease';

type CheckAttempt = { db: Db; boss: PgBoss; attemptId: string; force: boolean; settings: LifecycleSettings };

/**
 * The per-attempt job: looks at the attempt if it is due (or forced) and no one else is. Otherwise it makes sure the
 * attempt's next look is still queued (a sweep or another worker may have done this one), so a chain of looks
 * cannot be lost by a job that came early, late or twice. Idempotent: every state change in a look is conditional.
 */
export async function checkAttempt({ db, boss, attemptId, force, settings }: CheckAttempt): Promise<LookOutcome> {
  const attempt = await takeAttemptLease({ db, attemptId, force, leaseSeconds: settings.leaseSeconds });
  if (!attempt) {
    const current = await db.paymentAttempt.findUnique({ where: { id: attemptId }, select: { nextQueryAt: true, status: true } });
    if (current?.nextQueryAt && (current.status === 'pending' || current.status === 'closing')) {
      const at = current.nextQueryAt;
      await db.$transaction((tx) => scheduleAttemptCheck({ tx, boss, attemptId, at }));
    }
    return 'not_due';
  }
  const client = getProviderClient({ db, boss, provider: attempt.provider });
  return lookAtAttempt({ db, boss, client, attempt, settings });
}
