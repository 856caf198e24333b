'use client';

import { useEffect, useMemo, useState } from 'react';
import { usePayments, type PaymentListItem } from '@/features/console-risk/api/get-payments';
import type { WindowSpan } from './read-evidence';
import { chartRange } from './window-series';

// A payment is created before it is paid, at most its expiry earlier (two hours unless the merchant said otherwise).
const createdBeforePaidMs = 2 * 3_600_000;
const maxPages = 5;

/**
 * The merchant's payments around an alert's window, for its chart and its contributing payments: created from the
 * chart's start (less the longest time an order waits to be paid) to its end, at most 1,000.
 */
export function useWindowPayments(merchantId: string | null, window: WindowSpan | null) {
  // The page's opening instant: the chart ends there at the latest, and the query key stays stable while it is open.
  const [openedAt] = useState(() => Date.now());
  const range = window ? chartRange(window) : null;
  const to = range ? new Date(Math.min(range.to.getTime(), openedAt)) : null;
  const query = usePayments(
    {
      merchantId: merchantId ?? undefined,
      since: range ? new Date(range.from.getTime() - createdBeforePaidMs).toISOString() : undefined,
      until: to ? new Date(to.getTime() + 60_000).toISOString() : undefined,
    },
    200,
    Boolean(merchantId && window),
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const pages = query.data?.pages.length ?? 0;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && pages < maxPages) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, pages, fetchNextPage]);
  const payments = useMemo<PaymentListItem[]>(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return {
    payments,
    range: range && to ? { from: range.from, to } : null,
    isLoading: query.isPending && Boolean(merchantId && window),
    truncated: Boolean(hasNextPage) && pages >= maxPages,
    error: query.error,
  };
}
