import { queryOptions, useQuery } from '@tanstack/react-query';
import { getMerchantOperation } from '@/contracts/merchants';
import { requestOperation } from '@/lib/api-client/request-operation';

export const merchantQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['merchant', id],
    queryFn: ({ signal }) => requestOperation(getMerchantOperation, { params: { id }, signal }),
  });

/** One merchant (its name for a heading, its status); pass undefined to wait for the id. */
export function useMerchant(id: string | undefined) {
  return useQuery({ ...merchantQueryOptions(id ?? ''), enabled: id !== undefined });
}
