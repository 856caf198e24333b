import type { z } from 'zod';
import { amountFilter, choiceFilter, flagFilter, instantFilter, searchFilter } from '@/components/filters/filter-parsers';
import type { LiveChange } from '@/contracts/live';
import type { listPaymentsQuerySchema } from '@/contracts/payment-list';

// The Orders list's filters as they stand in the URL, named as GET /api/payments names them, so a filtered view is a
// link and the same words reach the API.
export const orderFilterParsers = {
  merchantId: choiceFilter,
  provider: choiceFilter,
  status: choiceFilter,
  amountMin: amountFilter,
  amountMax: amountFilter,
  since: instantFilter,
  until: instantFilter,
  flagged: flagFilter,
  q: searchFilter,
};

export const orderFilterParams = Object.keys(orderFilterParsers);

export type OrderFilterValues = {
  merchantId: string | null;
  provider: string | null;
  status: string | null;
  amountMin: number | null;
  amountMax: number | null;
  since: Date | null;
  until: Date | null;
  flagged: boolean | null;
  q: string | null;
};

/** The query string of GET /api/payments for the filters in the URL; unset filters are left out. */
export type PaymentListQuery = { [K in keyof z.input<typeof listPaymentsQuerySchema>]?: string };

export function toPaymentListQuery(values: OrderFilterValues): PaymentListQuery {
  const query: PaymentListQuery = {};
  if (values.merchantId) query.merchantId = values.merchantId;
  if (values.provider) query.provider = values.provider;
  if (values.status) query.status = values.status;
  if (values.amountMin !== null) query.amountMin = String(values.amountMin);
  if (values.amountMax !== null) query.amountMax = String(values.amountMax);
  if (values.since) query.since = values.since.toISOString();
  if (values.until) query.until = values.until.toISOString();
  if (values.flagged) query.flagged = 'true';
  const q = values.q?.trim();
  if (q) query.q = q;
  return query;
}

/**
 * Whether a payment change may concern the list as filtered, for counting what arrived while it is paused. The stream
 * carries ids only, so only the merchant can be told apart; a search for one id counts that payment alone.
 */
export function changeConcernsOrders(change: LiveChange, query: PaymentListQuery): boolean {
  if (change.kind !== 'payment') return false;
  if (query.merchantId && change.merchantId !== query.merchantId) return false;
  return true;
}
