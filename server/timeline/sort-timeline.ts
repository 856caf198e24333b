import type { TimelineEntry } from '@/contracts/payment-timeline';

// Facts that share an instant (one transaction stamps them all with its start) follow each other in this order: the
// order placed, what the provider and the app said, the state it changed, the delivery and risk event it queued,
// then what came of them.
const rank: Record<TimelineEntry['type'], number> = {
  created: 0,
  attempt: 1,
  provider_exchange: 2,
  client_result: 3,
  notification: 4,
  state_change: 5,
  delivery: 6,
  risk_evaluation: 7,
  risk_alert: 8,
  delivery_attempt: 9,
  action: 10,
};

/** Oldest first; a stable sort, so entries of one kind keep the order they were read in. */
export function sortTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .sort((a, b) => a.at - b.at || rank[a.entry.type] - rank[b.entry.type] || a.index - b.index)
    .map(({ entry }) => entry);
}
