import type { PgBoss } from 'pg-boss';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Tx } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import type { InboxEntry } from '@/server/intake/record-notification';
import { recordNotification } from '@/server/intake/record-notification';
import type { RefundNotification } from '@/server/providers/provider-notification';
import { finishRefund } from './finish-refund';
import { raiseRefundAlert } from './raise-refund-alert';

type ApplyRefundNotification = {
  db: Db;
  boss: PgBoss;
  notification: RefundNotification;
  evidence: { rawBody: string; headers: Record<string, string> };
};

export type RefundNotificationResult =
  { accepted: true; outcome: 'applied' | 'duplicate' | 'recorded' } | { accepted: false; status: number; reason: string };

const finalStates: Record<string, 'succeeded' | 'closed'> = { SUCCESS: 'succeeded', CLOSED: 'closed' };

/**
 * A verified refund notification (WeChat REFUND.*, Alipay's refund trade_status_sync), matched by our
 * providerRefundNo (its out_refund_no / out_biz_no) and the attempt's providerTradeNo, and its money checked:
 * WeChat's refund amount must be the refund's; Alipay's refund_fee is the trade's whole refunded amount so far, so it
 * must cover this refund and stay within what the attempt was paid. The inbox row and the refund's new state (with
 * its ledger booking, payment update, delivery and topic event) commit in one transaction before the provider is
 * answered; a copy of the same notification only counts on the inbox row. ABNORMAL keeps the reserve and raises an
 * alert. A refund we do not know, or whose money does not match, is recorded and raised and answered as a failure.
 */
export async function applyRefundNotification({
  db,
  boss,
  notification,
  evidence,
}: ApplyRefundNotification): Promise<RefundNotificationResult> {
  const base = {
    ...evidence,
    provider: notification.provider,
    kind: 'refund' as const,
    notificationId: notification.notificationId,
    dedupeKey: `refund:${notification.providerRefundId}:${notification.refundStatus}`,
  };
  const refund = await db.refund.findUnique({
    where: { providerRefundNo: notification.outRefundNo },
    include: { attempt: { select: { providerTradeNo: true, provider: true, amount: true } } },
  });
  if (!refund || refund.attempt.providerTradeNo !== notification.outTradeNo || refund.attempt.provider !== notification.provider) {
    const reason = `No ${notification.provider} refund ${notification.outRefundNo} of out_trade_no ${notification.outTradeNo}`;
    await db.$transaction(async (tx) => {
      await recordNotification(tx, { ...base, dedupeKey: null, outcome: 'rejected', reason, paymentId: refund?.paymentId ?? null });
      await raiseUnknownRefund(tx, notification, reason);
    });
    return { accepted: false, status: 404, reason };
  }
  const mismatch = moneyMismatch(notification, refund);
  if (mismatch) {
    await db.$transaction(async (tx) => {
      const entry = { ...base, dedupeKey: null, outcome: 'rejected' as const, reason: mismatch, paymentId: refund.paymentId };
      await recordNotification(tx, { ...entry, attemptId: refund.attemptId });
      await raiseRefundAlert({
        tx,
        kind: 'refund_not_applied',
        refund,
        evidence: {
          message: mismatch,
          provider: notification.provider,
          notifiedAmount: notification.amount,
          refundStatus: notification.refundStatus,
        },
      });
    });
    return { accepted: false, status: 422, reason: mismatch };
  }

  const providerState = `${notification.refundStatus} (notification)`;
  const entry: InboxEntry = {
    ...base,
    outcome: 'applied',
    reason: `refund ${notification.outRefundNo} ${notification.refundStatus}`,
    paymentId: refund.paymentId,
    attemptId: refund.attemptId,
  };
  return db.$transaction(async (tx) => {
    const inbox = await recordNotification(tx, entry);
    if (!inbox.inserted) return { accepted: true, outcome: 'duplicate' };
    const finalState = finalStates[notification.refundStatus];
    let applied = false;
    if (finalState) {
      applied = await finishRefund({
        tx,
        boss,
        refundId: refund.id,
        status: finalState,
        providerState,
        providerRefundId: notification.provider === 'alipay' ? null : notification.providerRefundId,
        succeededAt: notification.succeededAt,
      });
    } else if (notification.refundStatus === 'ABNORMAL') {
      applied = await markAbnormal(tx, refund, providerState);
    }
    if (!applied) {
      await tx.providerNotification.update({
        where: { id: inbox.id },
        data: {
          outcome: 'recorded',
          reason: `refund ${notification.outRefundNo} ${notification.refundStatus}; the refund is ${refund.status}`,
        },
      });
    }
    return { accepted: true, outcome: applied ? 'applied' : 'recorded' };
  });
}

function moneyMismatch(notification: RefundNotification, refund: { amount: number; currency: string; attempt: { amount: number } }) {
  if (notification.currency !== refund.currency) return `Notified refund in ${notification.currency}, our refund is in ${refund.currency}`;
  if (notification.provider === 'alipay') {
    if (notification.amount < refund.amount || notification.amount > refund.attempt.amount) {
      return `Alipay refund_fee ${notification.amount} (refunded so far) cannot include our refund of ${refund.amount} on a trade of ${refund.attempt.amount}`;
    }
    return null;
  }
  return notification.amount === refund.amount ? null : `Notified refund of ${notification.amount}, our refund is ${refund.amount}`;
}

async function markAbnormal(
  tx: Tx,
  refund: Parameters<typeof raiseRefundAlert>[0]['refund'] & { submittedAt: Date | null },
  providerState: string,
) {
  const marked = await tx.refund.updateMany({
    where: { id: refund.id, status: { in: ['pending', 'processing'] } },
    data: { status: 'abnormal', lastProviderState: providerState, submittedAt: refund.submittedAt ?? new Date() },
  });
  if (marked.count === 0) return false;
  await raiseRefundAlert({
    tx,
    kind: 'refund_abnormal',
    refund,
    evidence: { message: `Refund ${refund.providerRefundNo} is ABNORMAL at the provider: it waits for a person`, source: 'notification' },
  });
  await notifyChanges(tx, [{ kind: 'refund', id: refund.id, merchantId: refund.merchantId }]);
  return true;
}

async function raiseUnknownRefund(tx: Tx, notification: RefundNotification, message: string) {
  const evidence = { message, provider: notification.provider, outTradeNo: notification.outTradeNo, outRefundNo: notification.outRefundNo };
  const [alert] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO risk_alert (id, kind, status, evidence, opened_at, open_key, hit_count)
    VALUES (${uuidv7()}::uuid, 'unknown_refund', 'open', ${JSON.stringify(evidence)}::jsonb, now(),
      ${`intake:unknown_refund:${notification.provider}:${notification.outRefundNo}`}, 1)
    ON CONFLICT (open_key) DO UPDATE SET hit_count = risk_alert.hit_count + 1
    RETURNING id::text`;
  await notifyChanges(tx, [{ kind: 'alert', id: alert.id, merchantId: null }]);
}
