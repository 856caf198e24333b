import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { listSettlementsOperation } from '@/contracts/settlements';
import { requestOperation } from '@/lib/api-client/request-operation';
import type { SettlementListQuery } from '../settlement-filters';

export const settlementListQueryOptions = (query: SettlementListQuery) =>
  infiniteQueryOptions({
    queryKey: ['settlements', query],
    queryFn: ({ pageParam, signal }) => requestOperation(listSettlementsOperation, { query: { ...query, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function useSettlementList(query: SettlementListQuery) {
  return useInfiniteQuery(settlementListQueryOptions(query));
}
