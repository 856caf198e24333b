import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';
import type { LeasedRefund } from './leased-refund';
import { nextRefundLookAt } from './next-refund-look-at';
import { raiseRefundAlert } from './raise-refund-alert';
import { openRefundStatuses, type RefundOutcome } from './refund-outcome';
import { scheduleRefundCheck } from './schedule-refund-check';

type RecordRefundLook = {
  db: Db;
  boss: PgBoss;
  refund: LeasedRefund;
  settings: LifecycleSettings;
  outcome: RefundOutcome;
  /** The provider took the refund (it answered for it): from here on it is queried, not submitted. */
  taken?: boolean;
  /** `abnormal`: WeChat's word for a refund that waits for a person (its reserve is kept). */
  abnormal?: boolean;
  providerState?: string | null;
  providerRefundId?: string | null;
  /** Why the look gave nothing to act on, for the alert of an untrusted answer. */
  problem?: string;
};

/**
 * A look that left the refund open: counts it, notes what the provider said, schedules the next look (and queues its
 * job) and releases the lease, in one transaction. A refund the provider took is `processing` (or `abnormal`, with
 * an alert when it becomes so); one still open long after it was asked raises a `refund_stuck` alert once, on the
 * first look past that time; an untrusted answer raises one too. Looks go on until the refund is final.
 */
export async function recordRefundLook({ db, boss, refund, settings, outcome, ...seen }: RecordRefundLook): Promise<RefundOutcome> {
  const now = new Date();
  const next = nextRefundLookAt({ from: now, looks: refund.queryCount + 1, schedule: settings.refundQuerySchedule });
  const status = seen.abnormal ? 'abnormal' : seen.taken ? 'processing' : refund.status;
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.refund.updateMany({
      where: { id: refund.id, status: { in: [...openRefundStatuses] } },
      data: {
        status,
        submittedAt: seen.taken ? (refund.submittedAt ?? now) : undefined,
        providerRefundId: seen.providerRefundId ?? undefined,
        lastProviderState: seen.providerState ?? undefined,
        queryCount: { increment: 1 },
        lastQueriedAt: now,
        nextQueryAt: next,
        leaseUntil: null,
      },
    });
    if (updated.count === 0) return false;
    await scheduleRefundCheck({ tx, boss, refundId: refund.id, at: next });
    if (status !== refund.status) await notifyChanges(tx, [{ kind: 'refund', id: refund.id, merchantId: refund.merchantId }]);
    const evidence = { provider: refund.attempt.provider, providerTradeNo: refund.attempt.providerTradeNo, looks: refund.queryCount + 1 };
    if (status === 'abnormal' && refund.status !== 'abnormal') {
      await raiseRefundAlert({
        tx,
        kind: 'refund_abnormal',
        refund,
        evidence: { ...evidence, message: `Refund ${refund.providerRefundNo} is ABNORMAL at the provider: it waits for a person` },
      });
    }
    if (outcome === 'untrusted_answer') {
      await raiseRefundAlert({
        tx,
        kind: 'untrusted_provider_answer',
        refund,
        evidence: {
          ...evidence,
          message: `The provider's answer about refund ${refund.providerRefundNo} failed verification: ${seen.problem}`,
        },
      });
    }
    const stuckAt = refund.createdAt.getTime() + settings.refundStuckAfterSeconds * 1000;
    if (stuckAt <= now.getTime() && (refund.lastQueriedAt ?? refund.createdAt).getTime() < stuckAt) {
      await raiseRefundAlert({
        tx,
        kind: 'refund_stuck',
        refund,
        evidence: {
          ...evidence,
          message: `Refund ${refund.providerRefundNo} is still ${status} ${settings.refundStuckAfterSeconds} s after it was asked`,
          lastProviderState: seen.providerState ?? refund.lastProviderState,
        },
      });
    }
    return true;
  });
  return changed ? (status === 'abnormal' ? 'abnormal' : outcome) : 'already_final';
}
