import type { TimelineEntry } from '@/contracts/payment-timeline';

// Facts that share an instant (one transaction stamps them all with its start) follow each other in this order: the
// order placed, what the provider and the app said, a refund made and its state, the payment state that changed,
// the delivery and risk event it queued, then what came of them.
const rank: Record<TimelineEntry['type'], number> = {
  created: 0,
  attempt: 1,
  provider_exchange: 2,
  client_result: 3,
  notification: 4,
  refund: 5,
  refund_state_change: 6,
  state_change: 7,
  delivery: 8,
  risk_evaluation: 9,
  risk_alert: 10,
  delivery_attempt: 11,
  action: 12,
};

/** Oldest first; a stable sort, so entries of one kind keep the order they were read in. */
export function sortTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .sort((a, b) => a.at - b.at || rank[a.entry.type] - rank[b.entry.type] || a.index - b.index)
    .map(({ entry }) => entry);
}
