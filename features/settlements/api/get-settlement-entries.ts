import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { listSettlementEntriesOperation } from '@/contracts/settlements';
import { requestOperation } from '@/lib/api-client/request-operation';

export const settlementEntriesQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: ['settlement-entries', id],
    queryFn: ({ pageParam, signal }) =>
      requestOperation(listSettlementEntriesOperation, { params: { id }, query: { limit: '200', cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** One settlement row and the ledger entries that make it, page by page. */
export function useSettlementEntries(id: string) {
  return useInfiniteQuery(settlementEntriesQueryOptions(id));
}
