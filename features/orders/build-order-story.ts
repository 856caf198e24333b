import type { z } from 'zod';
import type { TimelineEntry } from '@/contracts/payment-timeline';
import type { paymentRefundSummarySchema } from '@/contracts/payments';
import { formatMoney } from '@/lib/format/format-money';
import { formatStatus } from '@/lib/format/format-status';
import { describeTimelineEntry, refundTone, type TimelineLine } from './describe-timeline-entry';

type RefundSummary = z.output<typeof paymentRefundSummarySchema>;

export type StoryItem = TimelineLine & { key: string; at: string };

function refundLine(refund: RefundSummary): StoryItem {
  return {
    key: `refund:${refund.id}`,
    at: refund.createdAt,
    topic: 'order',
    title: `Refund ${refund.refundNo}: ${formatStatus(refund.status)}`,
    details: [`${formatMoney(refund.amount, refund.currency)} · ${formatStatus(refund.reason)}`],
    tone: refundTone(refund.status),
  };
}

/**
 * The order's whole story, oldest first: the timeline's entries in the order the API gives them (it orders facts at
 * the same instant), with any of the payment's refunds the timeline does not already tell of put in by time. Each
 * item has a key unique within the story.
 */
export function buildOrderStory(entries: readonly TimelineEntry[], refunds: readonly RefundSummary[] = [], base = '/console'): StoryItem[] {
  const story: StoryItem[] = entries.map((entry, index) => ({
    ...describeTimelineEntry(entry, base),
    key: `${entry.type}:${index}`,
    at: entry.at,
  }));
  const told = new Set(entries.flatMap((entry) => (entry.type === 'refund' ? [entry.refundId] : [])));
  for (const refund of refunds.filter((summary) => !told.has(summary.id))) {
    const item = refundLine(refund);
    const time = Date.parse(item.at);
    const after = story.findIndex((existing) => Date.parse(existing.at) > time);
    story.splice(after === -1 ? story.length : after, 0, item);
  }
  return story;
}
