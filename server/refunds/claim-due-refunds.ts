import type { Db } from '@/lib/db/prisma';
import { withRefundAttempt, type LeasedRefund } from './leased-refund';

/**
 * Takes the leases of up to `limit` open refunds whose look is due, in one statement. SKIP LOCKED and the lease let
 * several workers sweep at once, each with refunds of its own.
 */
export async function claimDueRefunds({
  db,
  limit,
  leaseSeconds,
}: {
  db: Db;
  limit: number;
  leaseSeconds: number;
}): Promise<LeasedRefund[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE refund SET lease_until = now() + make_interval(secs => ${leaseSeconds}), updated_at = now()
    WHERE id IN (
      SELECT id FROM refund
      WHERE status IN ('pending', 'processing', 'abnormal') AND next_query_at <= now() AND (lease_until IS NULL OR lease_until < now())
      ORDER BY next_query_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id::text`;
  if (rows.length === 0) return [];
  return db.refund.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    include: withRefundAttempt,
    orderBy: { nextQueryAt: 'asc' },
  });
}
