import { queryOptions, useQuery } from '@tanstack/react-query';
import { getOverviewOperation } from '@/contracts/overview';
import { requestOperation } from '@/lib/api-client/request-operation';

// Under ['overview'], which every payment, delivery, alert, merchant and refund change refetches.
export const overviewQueryOptions = (hours: number) =>
  queryOptions({
    queryKey: ['overview', { hours }],
    queryFn: ({ signal }) => requestOperation(getOverviewOperation, { query: { hours }, signal }),
    placeholderData: (previous) => previous,
  });

export function useOverview(hours: number) {
  return useQuery(overviewQueryOptions(hours));
}
