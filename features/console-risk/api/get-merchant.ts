import { queryOptions, useQuery } from '@tanstack/react-query';
import { getMerchantOperation } from '@/contracts/merchants';
import { getMerchantSummaryOperation } from '@/contracts/merchant-summary';
import { requestOperation } from '@/lib/api-client/request-operation';

export function merchantQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['merchant', id],
    queryFn: ({ signal }) => requestOperation(getMerchantOperation, { params: { id }, signal }),
    // Names do not change often; many rows of a queue name the same merchant.
    staleTime: 30_000,
  });
}

export function useMerchant(id: string | null | undefined) {
  return useQuery({ ...merchantQueryOptions(id ?? ''), enabled: Boolean(id) });
}

export function useMerchantSummary(id: string) {
  return useQuery({
    queryKey: ['merchant', id, 'summary'],
    queryFn: ({ signal }) => requestOperation(getMerchantSummaryOperation, { params: { id }, query: { days: 7 }, signal }),
  });
}
