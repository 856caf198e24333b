import type { PgBoss } from 'pg-boss';
import type { Tx } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';
import { sendJob } from '@/lib/queue/send-job';

/**
 * Queues the refund's next look, in the transaction that decided it. Keyed on the refund (the queue's `stately`
 * policy keeps one waiting per refund), so the chain of looks never forks.
 */
export async function scheduleRefundCheck({ tx, boss, refundId, at }: { tx: Tx; boss: PgBoss; refundId: string; at: Date }) {
  await sendJob(boss, jobs.checkRefund, { refundId }, { tx, singletonKey: refundId, startAfter: at });
}
