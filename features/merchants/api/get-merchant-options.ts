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

/** `enabled: false` where there is no merchant to choose (the portal: merchant users may not list merchants). */
export function useMerchantOptions({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...merchantOptionsQueryOptions, enabled });
}
