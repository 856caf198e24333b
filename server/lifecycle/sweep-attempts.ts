import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import { getProviderClient } from '@/server/providers/get-provider-client';
import { claimDueAttempts } from './claim-due-attempts';
import type { LifecycleSettings } from './lifecycle-settings';
import { lookAtAttempt } from './look-at-attempt';

export type SweepResult = { examined: number; outcomes: Record<string, number>; items: { id: string; outcome: string }[] };

/** What a scheduler pass runs with: `limit` caps how many attempts one pass takes. */
export type SweepContext = { db: Db; boss: PgBoss; settings: LifecycleSettings; limit?: number };

type SweepAttempts = SweepContext & { which: 'open' | 'expired'; concurrency?: number };

/**
 * One sweep: claims the attempts due for a look (their own jobs may have gone missing) and looks at each, a few at
 * a time. A look that fails (database away, provider client missing) is counted as `error`; its lease runs out and
 * the attempt is due again.
 */
export async function sweepAttempts({ db, boss, which, settings, limit = 200, concurrency = 8 }: SweepAttempts): Promise<SweepResult> {
  const attempts = await claimDueAttempts({ db, which, limit, leaseSeconds: settings.leaseSeconds });
  const items: { id: string; outcome: string }[] = [];
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < attempts.length; index = next++) {
      const attempt = attempts[index];
      try {
        const client = getProviderClient({ db, boss, provider: attempt.provider });
        items.push({ id: attempt.id, outcome: await lookAtAttempt({ db, boss, client, attempt, settings }) });
      } catch (error) {
        logger.warn({ err: error, attemptId: attempt.id }, 'attempt look failed; it will be looked at again');
        items.push({ id: attempt.id, outcome: 'error' });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, attempts.length) }, lane));
  const outcomes: Record<string, number> = {};
  for (const item of items) outcomes[item.outcome] = (outcomes[item.outcome] ?? 0) + 1;
  return { examined: attempts.length, outcomes, items };
}
