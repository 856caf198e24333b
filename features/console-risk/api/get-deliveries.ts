import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { listDeliveriesOperation } from '@/contracts/deliveries';
import { keysetQueryOptions } from './keyset-query';

export type DeliveryListItem = z.output<typeof listDeliveriesOperation.response>['items'][number];

export function useMerchantDeliveries(merchantId: string, limit = 20) {
  return useInfiniteQuery(keysetQueryOptions(['deliveries', { merchantId }, limit], listDeliveriesOperation, { merchantId, limit }));
}
