import { parseAsString } from 'nuqs';
import { listSettlementsOperation } from '@/contracts/settlements';
import { operationPath } from '@/lib/api-client/request-operation';

// The Settlements list's filters as they stand in the URL, named as GET /api/settlements names them, so a filtered
// view is a link and its CSV export the same words with format=csv.
export const settlementFilterParsers = { merchantId: parseAsString, from: parseAsString, to: parseAsString };

export const settlementFilterParams = Object.keys(settlementFilterParsers);

export type SettlementListQuery = { merchantId?: string; from?: string; to?: string };

const day = /^\d{4}-\d{2}-\d{2}$/;

/** The query of GET /api/settlements for the URL's filters; unset ones (and days a date input could not make) are left out. */
export function toSettlementListQuery(values: { merchantId: string | null; from: string | null; to: string | null }): SettlementListQuery {
  const query: SettlementListQuery = {};
  if (values.merchantId) query.merchantId = values.merchantId;
  if (values.from && day.test(values.from)) query.from = values.from;
  if (values.to && day.test(values.to)) query.to = values.to;
  return query;
}

/** The CSV download of the list as filtered: the same route and words, as a plain link. */
export function settlementCsvHref(query: SettlementListQuery): string {
  return operationPath(listSettlementsOperation, {}, { ...query, format: 'csv' });
}
