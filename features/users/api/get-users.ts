import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { listUsersOperation, type userSchema } from '@/contracts/users';
import { requestOperation } from '@/lib/api-client/request-operation';

export type User = z.output<typeof userSchema>;

export const usersQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['users'],
    queryFn: ({ pageParam, signal }) => requestOperation(listUsersOperation, { query: { limit: 100, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** Everyone who signs in, newest first. */
export function useUsers() {
  return useInfiniteQuery(usersQueryOptions());
}
