import type { Principal } from '@/lib/auth/principal';
import { boundMerchantId, withinScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import type { TimelineEntry } from '@/contracts/payment-timeline';
import { readActionEntries } from './read-action-entries';
import { readAttemptEntries } from './read-attempt-entries';
import { readDeliveryEntries } from './read-delivery-entries';
import { readRiskEntries } from './read-risk-entries';
import { sortTimeline } from './sort-timeline';
import { timelineKindLimit } from './timeline-kind-limit';

type GetPaymentTimeline = { db: Db; id: string; principal: Principal | null };

/**
 * One payment's story in time order: its creation, the orders placed at the provider and every exchange about them
 * (status queries, closes), the app's reports, its state changes, every provider notification about it (rejected
 * ones included), its deliveries with every attempt, risk's evaluations and alerts, and what people did to any of
 * them. Each kind is one indexed read by the payment's id (or its deliveries' and alerts' ids). A merchant-bound
 * caller gets no risk internals: no evaluations, no alerts, no decisions about alerts.
 */
export async function getPaymentTimeline({ db, id, principal }: GetPaymentTimeline) {
  const payment = withinScope(principal, await db.payment.findUnique({ where: { id } }), `Payment ${id}`);
  const staff = boundMerchantId(principal) === null;
  const take = timelineKindLimit + 1;
  const [changes, notifications, deliveries, attempts] = await Promise.all([
    db.paymentStatusChange.findMany({ where: { paymentId: id }, orderBy: { id: 'asc' }, take }),
    db.providerNotification.findMany({ where: { paymentId: id }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], take }),
    readDeliveryEntries({ db, paymentId: id }),
    readAttemptEntries({ db, paymentId: id, paidAttemptId: payment.paidAttemptId }),
  ]);
  const risk = staff
    ? await readRiskEntries({ db, paymentId: id, deliveryIds: deliveries.ids })
    : { entries: [], alertIds: [], truncated: false };
  const actions = await readActionEntries({ db, paymentId: id, deliveryIds: deliveries.ids, alertIds: risk.alertIds });

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
    ...actions.entries,
  ];
  const truncated =
    changes.length > timelineKindLimit ||
    notifications.length > timelineKindLimit ||
    deliveries.truncated ||
    risk.truncated ||
    actions.truncated;
  return { paymentId: id, merchantId: payment.merchantId, entries: sortTimeline(entries), truncated };
}
