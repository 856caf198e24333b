import { queryOptions, useQuery } from '@tanstack/react-query';
import { countDeliveriesOperation } from '@/contracts/delivery-count';
import { requestOperation } from '@/lib/api-client/request-operation';
import type { DeliveryListQuery } from '../delivery-filters';

// Under ['deliveries'], so the count follows the list when deliveries change.
export const deliveryCountQueryOptions = (query: DeliveryListQuery) =>
  queryOptions({
    queryKey: ['deliveries', 'count', query],
    queryFn: ({ signal }) => requestOperation(countDeliveriesOperation, { query, signal }),
  });

/** How many deliveries the list's filter matches; asked only while `enabled` (the confirm dialog is open). */
export function useDeliveryCount(query: DeliveryListQuery, { enabled = true } = {}) {
  return useQuery({ ...deliveryCountQueryOptions(query), enabled });
}
