import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';
import type { Operation } from '@/contracts/operation';
import { requestOperation, type QueryValue, type ResponseOf } from '@/lib/api-client/request-operation';

type KeysetOperation = Operation & { method: 'GET' };

/** A keyset list as an infinite query: each page asks for the `nextCursor` of the page before. */
export function keysetQueryOptions<O extends KeysetOperation>(queryKey: QueryKey, operation: O, query: Record<string, QueryValue>) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }): Promise<ResponseOf<O>> =>
      requestOperation(operation, { query: { ...query, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page as { nextCursor?: string | null }).nextCursor ?? undefined,
  });
}
