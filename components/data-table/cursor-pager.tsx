'use client';

import { ChevronRightIcon, ChevronsLeftIcon } from 'lucide-react';
import { useQueryState } from 'nuqs';
import { CURSOR_PARAM, cursorParam } from '@/components/filters/filter-parsers';
import { Button } from '@/components/ui/button';

type CursorPagerProps = {
  /** The `nextCursor` of the page on screen; null on the last page. */
  nextCursor: string | null | undefined;
  /** Rows on this page, for the "n shown" note. */
  shown?: number;
};

/**
 * Page-by-page keyset navigation with the cursor in the URL (`?cursor=`), for lists where a page should be a link of
 * its own (an audit trail, say): "Next page" pushes a history entry, so Back is the previous page; "First page" clears
 * it. Read the cursor with `useQueryState(CURSOR_PARAM, cursorParam)` and put it in the query key. Pass as the
 * DataTable's `footer`.
 */
export function CursorPager({ nextCursor, shown }: CursorPagerProps) {
  const [cursor, setCursor] = useQueryState(CURSOR_PARAM, cursorParam.withOptions({ history: 'push', scroll: true }));
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
      <p>{shown !== undefined && `${shown} shown${cursor ? ' on this page' : ''}`}</p>
      <div className="flex gap-2">
        {cursor && (
          <Button variant="outline" size="sm" onClick={() => void setCursor(null)}>
            <ChevronsLeftIcon aria-hidden />
            First page
          </Button>
        )}
        <Button variant="outline" size="sm" disabled={!nextCursor} onClick={() => nextCursor && void setCursor(nextCursor)}>
          Next page
          <ChevronRightIcon aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
