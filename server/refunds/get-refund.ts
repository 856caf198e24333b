import type { Principal } from '@/lib/auth/principal';
import { withinScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { toRefundView, withAttemptNo } from './to-refund-view';

/** One refund; another merchant's answers 404 as if it did not exist. */
export async function getRefund({ db, id, principal }: { db: Db; id: string; principal: Principal | null }) {
  const refund = await db.refund.findUnique({ where: { id }, include: withAttemptNo });
  return toRefundView(withinScope(principal, refund, `Refund ${id}`));
}
