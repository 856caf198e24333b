import type { PgBoss } from 'pg-boss';
import type { Tx } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';
import { sendJob } from '@/lib/queue/send-job';

/**
 * Queues the attempt's next look, in the transaction that decided it. Keyed on the attempt: while one look waits,
 * another is not queued (the queue's `stately` policy), so the chain of looks never forks.
 */
export async function scheduleAttemptCheck({ tx, boss, attemptId, at }: { tx: Tx; boss: PgBoss; attemptId: string; at: Date }) {
  await sendJob(boss, jobs.checkAttempt, { attemptId }, { tx, singletonKey: attemptId, startAfter: at });
}
