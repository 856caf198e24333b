import { infiniteQueryOptions, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { listAuditEventsOperation } from '@/contracts/audit';
import { requestOperation } from '@/lib/api-client/request-operation';
import type { AuditListQuery } from '../audit-filters';

/**
 * The audit trail as the filters say, newest first. The merchant page's trail is keyed under ['merchant', id] so the
 * live stream refetches it when the merchant changes (a block, a new secret); the Audit page's is its own.
 */
export const auditEventsQueryOptions = (query: AuditListQuery, limit = 50, key: QueryKey = ['audit', query, limit]) =>
  infiniteQueryOptions({
    queryKey: key,
    queryFn: ({ pageParam, signal }) =>
      requestOperation(listAuditEventsOperation, { query: { ...query, limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function useAuditEvents(query: AuditListQuery, limit?: number) {
  return useInfiniteQuery(auditEventsQueryOptions(query, limit));
}

export function useMerchantAuditTrail(merchantId: string, limit = 20) {
  return useInfiniteQuery(auditEventsQueryOptions({ merchantId }, limit, ['merchant', merchantId, 'audit', limit]));
}
