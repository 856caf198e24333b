import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { listPaymentsOperation } from '@/contracts/payment-list';
import { requestOperation } from '@/lib/api-client/request-operation';
import type { PaymentListQuery } from '../order-filters';

export const paymentListQueryOptions = (query: PaymentListQuery) =>
  infiniteQueryOptions({
    queryKey: ['payments', query],
    queryFn: ({ pageParam, signal }) => requestOperation(listPaymentsOperation, { query: { ...query, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** The Orders list; `subscribed: false` holds the rows still while the live view is paused. */
export function usePaymentList(query: PaymentListQuery, { subscribed = true } = {}) {
  return useInfiniteQuery({ ...paymentListQueryOptions(query), subscribed });
}
