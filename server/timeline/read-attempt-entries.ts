import type { Db } from '@/lib/db/prisma';
import type { TimelineEntry } from '@/contracts/payment-timeline';
import { timelineKindLimit } from './timeline-kind-limit';

type ReadAttemptEntries = { db: Db; paymentId: string; paidAttemptId: string | null };

/** The orders placed at the provider for the payment, every exchange about them (status queries, closes), and the app's reports. */
export async function readAttemptEntries({ db, paymentId, paidAttemptId }: ReadAttemptEntries) {
  const take = timelineKindLimit + 1;
  const [attempts, results] = await Promise.all([
    db.paymentAttempt.findMany({ where: { paymentId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take }),
    db.clientResult.findMany({ where: { paymentId }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], take }),
  ]);
  const ids = attempts.slice(0, timelineKindLimit).map((attempt) => attempt.id);
  const exchanges =
    ids.length === 0
      ? []
      : await db.providerExchange.findMany({
          where: { attemptId: { in: ids } },
          orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
          take,
          select: {
            id: true,
            attemptId: true,
            operation: true,
            verdict: true,
            status: true,
            reason: true,
            durationMs: true,
            startedAt: true,
          },
        });
  const entries: TimelineEntry[] = [
    ...attempts.slice(0, timelineKindLimit).map((attempt) => ({
      type: 'attempt' as const,
      at: attempt.createdAt.toISOString(),
      attemptId: attempt.id,
      providerTradeNo: attempt.providerTradeNo,
      provider: attempt.provider,
      amount: attempt.amount,
      currency: attempt.currency,
      status: attempt.status,
      isPaidAttempt: attempt.id === paidAttemptId,
      duplicatePayment: attempt.duplicatePayment,
      latePayment: attempt.latePayment,
      failureReason: attempt.failureReason,
    })),
    ...exchanges.slice(0, timelineKindLimit).map((exchange) => ({
      type: 'provider_exchange' as const,
      at: exchange.startedAt.toISOString(),
      exchangeId: exchange.id,
      attemptId: exchange.attemptId,
      operation: exchange.operation,
      verdict: exchange.verdict,
      httpStatus: exchange.status,
      reason: exchange.reason,
      durationMs: exchange.durationMs,
    })),
    ...results.slice(0, timelineKindLimit).map((result) => ({
      type: 'client_result' as const,
      at: result.receivedAt.toISOString(),
      clientResultId: result.id,
      status: result.status,
    })),
  ];
  const truncated = [attempts, results, exchanges].some((rows) => rows.length > timelineKindLimit);
  return { entries, truncated };
}
