import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { listPaymentsOperation } from '@/contracts/payment-list';
import { keysetQueryOptions } from './keyset-query';

export type PaymentFilters = { merchantId?: string; status?: string; since?: string; until?: string };
export type PaymentListItem = z.output<typeof listPaymentsOperation.response>['items'][number];

export function usePayments(filters: PaymentFilters, limit = 20, enabled = true) {
  return useInfiniteQuery({ ...keysetQueryOptions(['payments', filters, limit], listPaymentsOperation, { ...filters, limit }), enabled });
}
