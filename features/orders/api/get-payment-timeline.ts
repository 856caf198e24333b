import { queryOptions, useQuery } from '@tanstack/react-query';
import { getPaymentTimelineOperation } from '@/contracts/payment-timeline';
import { requestOperation } from '@/lib/api-client/request-operation';

// Under ['payment', id], so a change to the payment or to any delivery refetches it (features/live/query-keys.ts).
export const paymentTimelineQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['payment', id, 'timeline'],
    queryFn: ({ signal }) => requestOperation(getPaymentTimelineOperation, { params: { id }, signal }),
  });

export function usePaymentTimeline(id: string) {
  return useQuery(paymentTimelineQueryOptions(id));
}
