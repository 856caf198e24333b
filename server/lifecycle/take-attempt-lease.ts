import type { Db } from '@/lib/db/prisma';
import type { LeasedAttempt } from './leased-attempt';

type TakeAttemptLease = { db: Db; attemptId: string; force: boolean; leaseSeconds: number };

/**
 * Takes the lease of one attempt if it is due for a look (or `force`, for any attempt not yet paid) and no other
 * worker holds it: one conditional UPDATE, so of two workers only one gets it. A worker that dies holding a lease
 * loses it when it runs out.
 */
export async function takeAttemptLease({ db, attemptId, force, leaseSeconds }: TakeAttemptLease): Promise<LeasedAttempt | null> {
  const taken = await db.$executeRaw`
    UPDATE payment_attempt SET lease_until = now() + make_interval(secs => ${leaseSeconds}), updated_at = now()
    WHERE id = ${attemptId}::uuid AND (lease_until IS NULL OR lease_until < now())
      AND ((${force} AND status <> 'succeeded') OR (status IN ('pending', 'closing') AND next_query_at <= now()))`;
  return taken === 1 ? db.paymentAttempt.findUnique({ where: { id: attemptId } }) : null;
}
