import { queryOptions, useQuery } from '@tanstack/react-query';
import { listMerchantsOperation } from '@/contracts/merchant-list';
import { requestOperation } from '@/lib/api-client/request-operation';

/** Merchants to choose from in a filter: the newest 200 by name (a merchant beyond them is still found by its id). */
export const merchantOptionsQueryOptions = queryOptions({
  queryKey: ['merchants', 'options'],
  queryFn: async ({ signal }) => {
    const page = await requestOperation(listMerchantsOperation, { query: { limit: 200 }, signal });
    return page.items.map((merchant) => ({ value: merchant.id, label: merchant.name })).sort((a, b) => a.label.localeCompare(b.label));
  },
  staleTime: 60_000,
});

export function useMerchantOptions() {
  return useQuery(merchantOptionsQueryOptions);
}
