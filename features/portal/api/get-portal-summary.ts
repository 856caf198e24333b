import { queryOptions, useQuery } from '@tanstack/react-query';
import { getMerchantSummaryOperation } from '@/contracts/merchant-summary';
import { requestOperation } from '@/lib/api-client/request-operation';

// Under ['overview'], the key of every figure the live stream refreshes: a new paid order or a delivery's attempt
// moves the home page's figures without a reload.
export const portalSummaryQueryOptions = (merchantId: string) =>
  queryOptions({
    queryKey: ['overview', 'merchant', merchantId],
    queryFn: ({ signal }) => requestOperation(getMerchantSummaryOperation, { params: { id: merchantId }, query: { days: 7 }, signal }),
  });

/** The signed-in merchant's figures: today and 7 days, the hourly series, endpoint and delivery health. */
export function usePortalSummary(merchantId: string) {
  return useQuery(portalSummaryQueryOptions(merchantId));
}
