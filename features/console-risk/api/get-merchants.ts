import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { listMerchantsOperation } from '@/contracts/merchant-list';
import { keysetQueryOptions } from './keyset-query';

export type MerchantFilters = { status?: string; endpoint?: string; q?: string };
export type MerchantListItem = z.output<typeof listMerchantsOperation.response>['items'][number];

export function useMerchants(filters: MerchantFilters) {
  return useInfiniteQuery(keysetQueryOptions(['merchants', filters], listMerchantsOperation, filters));
}
