import { queryOptions, useQuery } from '@tanstack/react-query';
import { getDeliveryOperation } from '@/contracts/deliveries';
import { requestOperation } from '@/lib/api-client/request-operation';

export const deliveryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['delivery', id],
    queryFn: ({ signal }) => requestOperation(getDeliveryOperation, { params: { id }, signal }),
  });

export function useDelivery(id: string) {
  return useQuery(deliveryQueryOptions(id));
}
