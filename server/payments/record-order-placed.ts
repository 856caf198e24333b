import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import type { PayData, ProviderResult } from '@/server/providers/provider-client';
import { recordProviderExchange } from '@/server/providers/record-provider-exchange';

/**
 * Keeps the provider's answer to placing an attempt's order: its exchange always; its payData when it took the
 * order; otherwise the attempt is `failed` with the reason (nobody was given anything to pay it with). A failed
 * attempt leaves its payment pending for the shopper's retry, and closed at its expiry otherwise.
 */
type RecordOrderPlaced = { db: Db; attempt: { id: string; paymentId: string; merchantId: string }; result: ProviderResult<PayData> };

export async function recordOrderPlaced({ db, attempt, result }: RecordOrderPlaced) {
  const attemptId = attempt.id;
  await db.$transaction(async (tx) => {
    await recordProviderExchange(tx, result.exchange, { attemptId });
    if (result.ok) {
      await tx.paymentAttempt.update({ where: { id: attemptId }, data: { payData: result.value } });
    } else {
      await tx.paymentAttempt.updateMany({
        where: { id: attemptId, status: 'pending' },
        data: { status: 'failed', failureReason: `order not placed: ${result.failure.message}`.slice(0, 500), nextQueryAt: null },
      });
    }
    await notifyChanges(tx, [{ kind: 'payment', id: attempt.paymentId, merchantId: attempt.merchantId }]);
  });
}
