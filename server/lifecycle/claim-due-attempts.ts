import type { Db } from '@/lib/db/prisma';
import type { LeasedAttempt } from './leased-attempt';

type ClaimDueAttempts = { db: Db; which: 'open' | 'expired'; limit: number; leaseSeconds: number };

/**
 * Takes the leases of up to `limit` attempts due for a look, in one statement: `open` ones before their expiry
 * (confirm pending), or `expired` ones and those closing (close expired). SKIP LOCKED and the lease let several
 * workers sweep at once, each with attempts of its own.
 */
export async function claimDueAttempts({ db, which, limit, leaseSeconds }: ClaimDueAttempts): Promise<LeasedAttempt[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE payment_attempt SET lease_until = now() + make_interval(secs => ${leaseSeconds}), updated_at = now()
    WHERE id IN (
      SELECT id FROM payment_attempt
      WHERE status IN ('pending', 'closing') AND next_query_at <= now() AND (lease_until IS NULL OR lease_until < now())
        AND CASE WHEN ${which} = 'open' THEN status = 'pending' AND expires_at > now() ELSE status = 'closing' OR expires_at <= now() END
      ORDER BY next_query_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id::text`;
  if (rows.length === 0) return [];
  return db.paymentAttempt.findMany({ where: { id: { in: rows.map((row) => row.id) } }, orderBy: { nextQueryAt: 'asc' } });
}
