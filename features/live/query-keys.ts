// The query-key convention every page follows, so the live stream knows what to refetch (it never carries rows).
//
//   lists     ['payments', filters?]    ['deliveries', filters?]   ['alerts', filters?]   ['merchants', filters?]
//             ['refunds', filters?]
//   one item  ['payment', id]           ['delivery', id]           ['alert', id]          ['merchant', id]
//             ['refund', id]
//   figures   ['overview', …]           the console's and the portal's figures and charts
//
// The first element names the kind (plural for lists, singular for one item); whatever follows (filters, cursors,
// sub-resources such as ['merchant', id, 'audit']) is the page's own. A change to a payment refetches every payment
// list, that payment and the figures; see `queryKeysFor` for every kind. Keys outside this convention are never
// refetched by the stream: they refresh as react-query's own options say.
import type { QueryKey } from '@tanstack/react-query';
import type { LiveChange } from '@/contracts/live';

export const liveQueryRoots = [
  'payments',
  'payment',
  'deliveries',
  'delivery',
  'alerts',
  'alert',
  'merchants',
  'merchant',
  'refunds',
  'refund',
  'overview',
] as const;

/** The query-key prefixes a change makes stale. */
export function queryKeysFor(change: LiveChange): QueryKey[] {
  switch (change.kind) {
    case 'payment':
      return [['payments'], ['payment', change.id], ['overview']];
    // A delivery shows in its payment's timeline, whose id the change does not name: every open payment refetches.
    case 'delivery':
      return [['deliveries'], ['delivery', change.id], ['payment'], ['overview']];
    case 'alert':
      return [['alerts'], ['alert', change.id], ['overview']];
    case 'merchant':
      return [['merchants'], ['merchant', change.id], ['overview']];
    // A refund changes its payment's refunded amount and status.
    case 'refund':
      return [['refunds'], ['refund', change.id], ['payments'], ['payment'], ['overview']];
  }
}
