import { queryOptions, useQuery } from '@tanstack/react-query';
import { getPaymentOperation } from '@/contracts/payments';
import { requestOperation } from '@/lib/api-client/request-operation';

export const paymentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['payment', id],
    queryFn: ({ signal }) => requestOperation(getPaymentOperation, { params: { id }, signal }),
  });

export function usePayment(id: string) {
  return useQuery(paymentQueryOptions(id));
}
