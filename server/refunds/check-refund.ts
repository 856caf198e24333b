import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';
import { lookAtRefund } from './look-at-refund';
import type { RefundOutcome } from './refund-outcome';
import { scheduleRefundCheck } from './schedule-refund-check';
import { takeRefundLease } from './take-refund-lease';

type CheckRefund = { db: Db; boss: PgBoss; refundId: string; force: boolean; settings: LifecycleSettings };

/**
 * The per-refund job: looks at the refund if it is due (or forced) and no one else is. Otherwise it makes sure the
 * refund's next look is still queued (once its look is due and no lease holds it), so a job that came early, late or
 * twice cannot end the chain of looks.
 */
export async function checkRefund({ db, boss, refundId, force, settings }: CheckRefund): Promise<RefundOutcome> {
  const refund = await takeRefundLease({ db, refundId, force, leaseSeconds: settings.leaseSeconds });
  if (!refund) {
    const current = await db.refund.findUnique({ where: { id: refundId }, select: { nextQueryAt: true, leaseUntil: true } });
    // Due but held by another worker: look again when its lease runs out, not at once.
    const at = current?.nextQueryAt && new Date(Math.max(current.nextQueryAt.getTime(), current.leaseUntil?.getTime() ?? 0));
    if (at) await db.$transaction((tx) => scheduleRefundCheck({ tx, boss, refundId, at }));
    return 'not_due';
  }
  return lookAtRefund({ db, boss, refund, settings });
}
