import type { Principal } from '@/lib/auth/principal';
import { boundMerchantId, withinScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import type { TimelineEntry } from '@/contracts/payment-timeline';
import { readActionEntries } from './read-action-entries';
import { readAttemptEntries } from './read-attempt-entries';
import { readDeliveryEntries } from './read-delivery-entries';
import { readRefundEntries } from './read-refund-entries';
import { readRiskEntries } from './read-risk-entries';
import { nameActorsFor } from './name-actors';
import { sortTimeline } from './sort-timeline';
import { timelineKindLimit } from './timeline-kind-limit';

type GetPaymentTimeline = { db: Db; id: string; principal: Principal | null };

/**
 * One payment's story in time order: its creation, the orders placed at the provider and every exchange about them
 * (status queries, closes), the app's reports, its state changes, every provider notification about it (rejected
 * ones included), its deliveries with every attempt, risk's evaluations and alerts, and what people did to any of
 * them, its refunds with every change of their status. Each kind is one indexed read by the payment's id (or its
 * deliveries', refunds' and alerts' ids). A merchant-bound caller gets no risk internals (no evaluations, no alerts,
 * no decisions about alerts, nothing the risk engine did) and sees Paygate's people as `staff` (name-actors.ts).
 */
export async function getPaymentTimeline({ db, id, principal }: GetPaymentTimeline) {
  const payment = withinScope(principal, await db.payment.findUnique({ where: { id } }), `Payment ${id}`);
  const merchantId = boundMerchantId(principal);
  const staff = merchantId === null;
  const take = timelineKindLimit + 1;
  const [changes, notifications, deliveries, attempts, refunds] = await Promise.all([
    db.paymentStatusChange.findMany({ where: { paymentId: id }, orderBy: { id: 'asc' }, take }),
    db.providerNotification.findMany({ where: { paymentId: id }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], take }),
    readDeliveryEntries({ db, paymentId: id }),
    readAttemptEntries({ db, paymentId: id, paidAttemptId: payment.paidAttemptId }),
    readRefundEntries({ db, paymentId: id }),
  ]);
  const risk = staff
    ? await readRiskEntries({ db, paymentId: id, deliveryIds: deliveries.ids })
    : { entries: [], alertIds: [], truncated: false };
  const actions = await readActionEntries({
    db,
    paymentId: id,
    deliveryIds: deliveries.ids,
    refundIds: refunds.ids,
    alertIds: risk.alertIds,
    withoutRisk: !staff,
  });
  const actors = [...actions.entries, ...refunds.entries].flatMap((entry) =>
    entry.type === 'action' ? [entry.actor] : entry.type === 'refund' ? [entry.requestedBy] : [],
  );
  const nameActor = await nameActorsFor({ db, merchantId, actors });

  const entries: TimelineEntry[] = [
    {
      type: 'created',
      at: payment.createdAt.toISOString(),
      amount: payment.amount,
      currency: payment.currency,
      provider: payment.provider,
      outTradeNo: payment.outTradeNo,
    },
    ...changes.slice(0, timelineKindLimit).map((change) => ({
      type: 'state_change' as const,
      at: change.changedAt.toISOString(),
      from: change.fromStatus,
      to: change.toStatus,
    })),
    ...notifications.slice(0, timelineKindLimit).map((notification) => ({
      type: 'notification' as const,
      at: notification.receivedAt.toISOString(),
      notificationId: notification.id,
      provider: notification.provider,
      kind: notification.kind,
      source: notification.source,
      attemptId: notification.attemptId,
      outcome: notification.outcome,
      reason: notification.reason,
      receivedCount: notification.receivedCount,
      lastReceivedAt: notification.lastReceivedAt.toISOString(),
    })),
    ...attempts.entries,
    ...deliveries.entries,
    ...risk.entries,
    ...refunds.entries.map((entry) => (entry.type === 'refund' ? { ...entry, requestedBy: nameActor(entry.requestedBy) } : entry)),
    ...actions.entries.map((entry) => (entry.type === 'action' ? { ...entry, actor: nameActor(entry.actor) } : entry)),
  ];
  const truncated =
    changes.length > timelineKindLimit ||
    notifications.length > timelineKindLimit ||
    deliveries.truncated ||
    risk.truncated ||
    refunds.truncated ||
    actions.truncated;
  return { paymentId: id, merchantId: payment.merchantId, entries: sortTimeline(entries), truncated };
}
