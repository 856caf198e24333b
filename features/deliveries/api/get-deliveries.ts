import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { listDeliveriesOperation } from '@/contracts/deliveries';
import { requestOperation } from '@/lib/api-client/request-operation';
import type { DeliveryListQuery } from '../delivery-filters';

export const deliveryListQueryOptions = (query: DeliveryListQuery) =>
  infiniteQueryOptions({
    queryKey: ['deliveries', query],
    queryFn: ({ pageParam, signal }) => requestOperation(listDeliveriesOperation, { query: { ...query, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function useDeliveryList(query: DeliveryListQuery) {
  return useInfiniteQuery(deliveryListQueryOptions(query));
}
