'use client';

import { Button } from '@/components/ui/button';
import { formatCount } from '@/lib/format/format-number';

type LoadMoreProps = { shown: number; hasNextPage: boolean; onLoadMore?: () => unknown; loading?: boolean };

/** The keyset list's footer: how many rows are shown and, while the server has a `nextCursor`, "Load more". */
export function LoadMore({ shown, hasNextPage, onLoadMore, loading = false }: LoadMoreProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
      <p aria-live="polite">{loading ? 'Loading more…' : `${formatCount(shown)} shown${hasNextPage ? '' : ', the end of the list'}`}</p>
      {hasNextPage && onLoadMore && (
        <Button variant="outline" size="sm" onClick={() => onLoadMore()} loading={loading}>
          Load more
        </Button>
      )}
    </div>
  );
}
