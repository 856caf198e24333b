import { logger } from '@/lib/logger';
import { refundExtraPayment } from '@/server/refunds/refund-extra-payment';
import { countOutcomes } from '@/server/refunds/confirm-refunds';
import type { SweepContext, SweepResult } from './sweep-attempts';

/**
 * DESIGN §9 find duplicates, one pass: attempts the provider reported paid that are not their payment's paid attempt
 * (flagged `duplicate_payment` in the transaction that paid them, and found by their partial index) and have no
 * automatic refund yet (their extra-payment job was lost or gave up) are refunded now. Two passes at
 * once meet on the refund's unique number: one makes the refund, the other finds it made.
 */
export async function findDuplicates({ db, boss, settings, limit = 200 }: SweepContext): Promise<SweepResult> {
  const extras = await db.$queryRaw<{ id: string }[]>`
    SELECT a.id::text FROM payment_attempt a JOIN payment p ON p.id = a.payment_id
    WHERE a.status = 'succeeded' AND a.duplicate_payment AND p.paid_attempt_id IS DISTINCT FROM a.id
      AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.attempt_id = a.id AND r.reason IN ('duplicate_payment', 'paid_after_close'))
    ORDER BY a.paid_at LIMIT ${limit}`;
  const items: { id: string; outcome: string }[] = [];
  for (const { id } of extras) {
    try {
      items.push({ id, outcome: await refundExtraPayment({ db, boss, attemptId: id, settings }) });
    } catch (error) {
      logger.warn({ err: error, attemptId: id }, 'extra payment could not be refunded; the next pass tries again');
      items.push({ id, outcome: 'error' });
    }
  }
  return { examined: extras.length, outcomes: countOutcomes(items), items };
}
