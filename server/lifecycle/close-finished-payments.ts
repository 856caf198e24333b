import type { Tx } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';

/**
 * Payments past their expiry whose every attempt ended unpaid (closed or failed) end too: `failed` when every attempt
 * failed, else `closed`. One conditional UPDATE: an attempt that is still open or was paid keeps its payment open, and
 * a retry that adds an attempt (it locks and extends the payment) is either seen or waited for.
 */
export async function closeFinishedPayments(tx: Tx, paymentIds?: string[]): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string; merchantId: string }[]>`
    UPDATE payment p
    SET status = (CASE WHEN EXISTS (SELECT 1 FROM payment_attempt a WHERE a.payment_id = p.id AND a.status <> 'failed')
      THEN 'closed' ELSE 'failed' END)::"PaymentStatus", updated_at = now()
    WHERE p.status = 'pending' AND p.expires_at <= now()
      AND (${paymentIds ?? null}::uuid[] IS NULL OR p.id = ANY(${paymentIds ?? null}::uuid[]))
      AND NOT EXISTS (SELECT 1 FROM payment_attempt a WHERE a.payment_id = p.id AND a.status IN ('pending', 'closing', 'succeeded'))
    RETURNING p.id::text, p.merchant_id::text AS "merchantId"`;
  await notifyChanges(
    tx,
    rows.map((row) => ({ kind: 'payment' as const, id: row.id, merchantId: row.merchantId })),
  );
  return rows.map((row) => row.id);
}
