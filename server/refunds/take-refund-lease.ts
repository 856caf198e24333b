import type { Db } from '@/lib/db/prisma';
import { withRefundAttempt, type LeasedRefund } from './leased-refund';

type TakeRefundLease = { db: Db; refundId: string; force: boolean; leaseSeconds: number };

/**
 * Takes the lease of one open refund if its look is due (or `force`) and no other worker holds it: one conditional
 * UPDATE, so of two workers only one gets it. A worker that dies holding it loses it when it runs out.
 */
export async function takeRefundLease({ db, refundId, force, leaseSeconds }: TakeRefundLease): Promise<LeasedRefund | null> {
  const taken = await db.$executeRaw`
    UPDATE refund SET lease_until = now() + make_interval(secs => ${leaseSeconds}), updated_at = now()
    WHERE id = ${refundId}::uuid AND status IN ('pending', 'processing', 'abnormal')
      AND (lease_until IS NULL OR lease_until < now()) AND (${force} OR next_query_at <= now())`;
  return taken === 1 ? db.refund.findUnique({ where: { id: refundId }, include: withRefundAttempt }) : null;
}
