import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { closeFinishedPayments } from './close-finished-payments';
import type { LeasedAttempt } from './leased-attempt';

type EndAttempt = { db: Db; attempt: LeasedAttempt; status: 'closed' | 'failed'; providerState: string };

/**
 * The provider said the attempt ended unpaid (closed, or failed): it is so, from pending or closing only (a payment
 * that won the race keeps its success), and its payment ends with it if that was its last open attempt.
 */
export async function endAttempt({ db, attempt, status, providerState }: EndAttempt): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const ended = await tx.paymentAttempt.updateMany({
      where: { id: attempt.id, status: { in: ['pending', 'closing'] } },
      data: {
        status,
        closedAt: status === 'closed' ? new Date() : undefined,
        failureReason: status === 'failed' ? `the provider reports ${providerState}` : undefined,
        queryCount: { increment: 1 },
        lastQueriedAt: new Date(),
        lastProviderState: providerState,
        nextQueryAt: null,
        leaseUntil: null,
      },
    });
    if (ended.count === 1) {
      await notifyChanges(tx, [{ kind: 'payment', id: attempt.paymentId, merchantId: attempt.merchantId }]);
      await closeFinishedPayments(tx, [attempt.paymentId]);
    }
    return ended.count === 1;
  });
}
