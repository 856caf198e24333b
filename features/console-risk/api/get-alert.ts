import { queryOptions, useQuery } from '@tanstack/react-query';
import { getRiskAlertOperation } from '@/contracts/risk';
import { requestOperation } from '@/lib/api-client/request-operation';

export function alertQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['alert', id],
    queryFn: ({ signal }) => requestOperation(getRiskAlertOperation, { params: { id }, signal }),
  });
}

export function useAlert(id: string) {
  return useQuery(alertQueryOptions(id));
}
