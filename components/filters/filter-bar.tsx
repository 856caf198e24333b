'use client';

import { XIcon } from 'lucide-react';
import { useQueryStates, parseAsString } from 'nuqs';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';
import { CURSOR_PARAM } from '@/components/filters/filter-parsers';

/** The row of filter controls above a list: wraps on a phone, one line at 1280 px when it fits. */
export function FilterBar({ className, ...props }: ComponentProps<'div'>) {
  return <div role="search" data-slot="filter-bar" className={cn('flex flex-wrap items-end gap-3', className)} {...props} />;
}

/** Clears the named filters (and the cursor) in one history step; hidden while none is set. */
export function ClearFiltersButton({ params }: { params: string[] }) {
  const keys = Object.fromEntries([...params, CURSOR_PARAM].map((key) => [key, parseAsString]));
  const [values, setValues] = useQueryStates(keys, { history: 'push' });
  if (!params.some((key) => values[key] !== null)) return null;
  return (
    <Button variant="ghost" size="sm" onClick={() => setValues(Object.fromEntries(Object.keys(keys).map((key) => [key, null])))}>
      <XIcon aria-hidden />
      Clear filters
    </Button>
  );
}
