'use client';

import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';

/** The shape of every list the API answers (DESIGN §5): a page of items and the cursor of the next page. */
export type KeysetPage<TItem> = { items: TItem[]; nextCursor: string | null | undefined };

/**
 * A react-query infinite list as DataTable props: `<DataTable {...useKeysetList(query)} columns=… />`, with the query
 * made by `useInfiniteQuery({ …, initialPageParam: undefined, getNextPageParam: (page) => page.nextCursor ?? undefined })`.
 */
export function useKeysetList<TItem>(query: UseInfiniteQueryResult<InfiniteData<KeysetPage<TItem>, unknown>>) {
  const pages = query.data?.pages;
  const data = useMemo(() => pages?.flatMap((page) => page.items), [pages]);
  return {
    data,
    isLoading: query.isPending,
    error: query.error ?? undefined,
    onRetry: () => query.refetch(),
    isRetrying: query.isRefetching && query.isError,
    hasNextPage: query.hasNextPage,
    onLoadMore: () => query.fetchNextPage(),
    isLoadingMore: query.isFetchingNextPage,
  };
}
