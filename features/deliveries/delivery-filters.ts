import type { z } from 'zod';
import { choiceFilter, instantFilter } from '@/components/filters/filter-parsers';
import type { bulkRedeliverBodySchema } from '@/contracts/deliveries';

// The Deliveries list's filters in the URL, named as GET /api/deliveries names them.
export const deliveryFilterParsers = { status: choiceFilter, merchantId: choiceFilter, since: instantFilter, until: instantFilter };

export const deliveryFilterParams = Object.keys(deliveryFilterParsers);

export type DeliveryFilterValues = { status: string | null; merchantId: string | null; since: Date | null; until: Date | null };

export type DeliveryListQuery = { status?: string; merchantId?: string; since?: string; until?: string };

export function toDeliveryListQuery(values: DeliveryFilterValues): DeliveryListQuery {
  const query: DeliveryListQuery = {};
  if (values.status) query.status = values.status;
  if (values.merchantId) query.merchantId = values.merchantId;
  if (values.since) query.since = values.since.toISOString();
  if (values.until) query.until = values.until.toISOString();
  return query;
}

/** Statuses a bulk redelivery can take: the dead letters, or those already delivered (to send them once more). */
const bulkStatuses = ['failed', 'delivered'] as const;

/**
 * The body of POST /api/deliveries/redeliver that sends exactly what the visible list shows, or null when the list's
 * filter is not one a bulk redelivery can match (no status, or pending / cancelled ones), so the button says why.
 */
export function bulkRedeliverBodyFor(query: DeliveryListQuery): z.output<typeof bulkRedeliverBodySchema> | null {
  const status = bulkStatuses.find((candidate) => candidate === query.status);
  if (!status) return null;
  return { status, merchantId: query.merchantId, since: query.since, until: query.until };
}
