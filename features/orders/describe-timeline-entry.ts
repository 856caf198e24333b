import type { TimelineEntry } from '@/contracts/payment-timeline';
import { formatDuration } from '@/lib/format/format-duration';
import { formatMoney } from '@/lib/format/format-money';
import { formatStatus } from '@/lib/format/format-status';
import { describeAuditAction } from '@/features/audit/describe-audit-event';

export type TimelineTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** What a kind of entry is about, for its icon and for filtering the story by topic. */
export type TimelineTopic = 'order' | 'provider' | 'notification' | 'delivery' | 'risk' | 'person';

export type TimelineLine = {
  topic: TimelineTopic;
  title: string;
  /** Facts that follow the title, each short: "HTTP 200 · 84 ms". */
  details: string[];
  tone: TimelineTone;
  /** Where the entry's subject has a page of its own. */
  href?: string;
  /** The inbox entry whose raw body and headers can be shown with it. */
  notificationId?: string;
};

const operationTitle: Record<Extract<TimelineEntry, { type: 'provider_exchange' }>['operation'], string> = {
  create_order: 'Order placed at the provider',
  query_order: 'Status query to the provider',
  close_order: 'Close requested at the provider',
  refund: 'Refund requested at the provider',
  query_refund: 'Refund status query',
  download_bill: 'Bill downloaded',
};

const notificationTone = { applied: 'success', duplicate: 'neutral', recorded: 'warning', rejected: 'danger' } as const;

const deliveryTone = { pending: 'info', delivered: 'success', failed: 'danger', cancelled: 'neutral' } as const;

const alertTone = { open: 'danger', acknowledged: 'warning', blocked: 'danger', dismissed: 'neutral' } as const;

/** The tone of a refund in a status: final ones say how it ended, open ones that it is under way. */
export const refundTone = (status: string): TimelineTone =>
  status === 'succeeded' ? 'success' : status === 'failed' || status === 'abnormal' ? 'danger' : status === 'closed' ? 'neutral' : 'info';

/** A merchant caller sees Paygate's people and people no longer users by these names, not by their addresses. */
const actorName = (actor: string) => (actor === 'staff' ? 'Paygate staff' : actor === 'former-user' ? 'A former user' : actor);

const paymentStateTone = (to: string): TimelineTone =>
  to === 'succeeded' ? 'success' : to === 'failed' ? 'danger' : to === 'pending' ? 'info' : to.includes('refund') ? 'warning' : 'neutral';

const httpAnswer = (status: number | null, ms: number) => `${status === null ? 'no answer' : `HTTP ${status}`} · ${formatDuration(ms)}`;

const present = (...items: (string | null | false | undefined)[]) => items.filter((item): item is string => Boolean(item));

/**
 * One entry of an order's timeline as words: a title, its facts, a tone and, where there is one, a link within the
 * area it is shown in (`base`: the console or the portal).
 */
export function describeTimelineEntry(entry: TimelineEntry, base = '/console'): TimelineLine {
  switch (entry.type) {
    case 'created':
      return {
        topic: 'order',
        title: 'Order created',
        details: [`${formatMoney(entry.amount, entry.currency)} via ${formatStatus(entry.provider)}`, `outTradeNo ${entry.outTradeNo}`],
        tone: 'neutral',
      };
    case 'attempt':
      return {
        topic: 'order',
        title: `Attempt ${entry.providerTradeNo}`,
        details: present(
          `${formatStatus(entry.provider)} · ${formatMoney(entry.amount, entry.currency)} · ${formatStatus(entry.status)}`,
          entry.isPaidAttempt && 'the paid attempt',
          entry.duplicatePayment && 'duplicate payment: refunded',
          entry.latePayment && 'paid after it was closed',
          entry.failureReason,
        ),
        tone: entry.duplicatePayment || entry.latePayment ? 'warning' : entry.status === 'failed' ? 'danger' : 'neutral',
      };
    case 'provider_exchange':
      return {
        topic: 'provider',
        title: operationTitle[entry.operation],
        details: present(`${formatStatus(entry.verdict)} · ${httpAnswer(entry.httpStatus, entry.durationMs)}`, entry.reason),
        tone: entry.verdict === 'ok' ? 'neutral' : entry.verdict === 'rejected' ? 'danger' : 'warning',
      };
    case 'client_result':
      return {
        topic: 'order',
        title: "Shopper's app reported a result",
        details: [`"${entry.status}"; recorded, not trusted: the provider was asked`],
        tone: 'neutral',
      };
    case 'state_change':
      return {
        topic: 'order',
        title: `${formatStatus(entry.from)} → ${formatStatus(entry.to)}`,
        details: [],
        tone: paymentStateTone(entry.to),
      };
    case 'notification':
      return {
        topic: 'notification',
        title: `${entry.source === 'query' ? 'Provider answered our query' : 'Provider notification'}: ${formatStatus(entry.outcome)}`,
        details: present(
          `${formatStatus(entry.provider)} · ${formatStatus(entry.kind)}`,
          entry.receivedCount > 1 && `received ${entry.receivedCount} times`,
          entry.reason,
        ),
        tone: notificationTone[entry.outcome],
        notificationId: entry.notificationId,
      };
    case 'delivery':
      return {
        topic: 'delivery',
        title: `Webhook ${entry.eventType}: ${formatStatus(entry.status)}`,
        details: [`${entry.attemptCount} ${entry.attemptCount === 1 ? 'attempt' : 'attempts'}`],
        tone: deliveryTone[entry.status],
        href: `${base}/deliveries/${entry.deliveryId}`,
      };
    case 'delivery_attempt': {
      const ok = entry.statusCode !== null && entry.statusCode >= 200 && entry.statusCode < 300;
      return {
        topic: 'delivery',
        title: `Webhook attempt ${entry.attemptNumber}`,
        details: present(httpAnswer(entry.statusCode, entry.durationMs), entry.error),
        tone: ok ? 'success' : 'danger',
        href: `${base}/deliveries/${entry.deliveryId}#attempt-${entry.attemptNumber}`,
      };
    }
    case 'risk_evaluation':
      return { topic: 'risk', title: 'Risk rules evaluated', details: [`event ${entry.eventId}`], tone: 'neutral' };
    case 'risk_alert':
      return {
        topic: 'risk',
        title: `Risk alert: ${formatStatus(entry.kind)}`,
        details: present(formatStatus(entry.status), entry.hitCount > 1 && `${entry.hitCount} hits`),
        tone: alertTone[entry.status],
        href: `${base}/alerts/${entry.alertId}`,
      };
    case 'refund':
      return {
        topic: 'order',
        title: `Refund ${entry.refundNo}: ${formatStatus(entry.status)}`,
        details: present(
          `${formatMoney(entry.amount, entry.currency)} · ${formatStatus(entry.reason)}`,
          entry.automatic ? 'automatic: the gateway gave this money back itself' : `requested by ${actorName(entry.requestedBy)}`,
          `providerRefundNo ${entry.providerRefundNo}`,
          entry.failureReason,
        ),
        tone: refundTone(entry.status),
      };
    case 'refund_state_change':
      return {
        topic: 'order',
        title: `Refund ${entry.refundNo}: ${formatStatus(entry.from)} → ${formatStatus(entry.to)}`,
        details: [],
        tone: refundTone(entry.to),
      };
    case 'action':
      return {
        topic: 'person',
        title: `${actorName(entry.actor)}: ${describeAuditAction(entry.action)}`,
        details: present(entry.reason && `"${entry.reason}"`),
        tone: 'info',
      };
  }
}
