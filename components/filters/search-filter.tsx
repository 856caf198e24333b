'use client';

import { SearchIcon } from 'lucide-react';
import { debounce } from 'nuqs';
import { useId } from 'react';
import { cn } from '@/lib/cn';
import { searchFilter } from '@/components/filters/filter-parsers';
import { useFilterParam } from '@/components/filters/use-filter-param';
import { FilterLabel } from '@/components/filters/filter-label';
import { Input } from '@/components/ui/input';

type SearchFilterProps = { param?: string; label?: string; placeholder?: string; className?: string };

/** A search box bound to `?q=` (or `param`): the list follows as you type; the URL catches up after 300 ms. */
export function SearchFilter({ param = 'q', label = 'Search', placeholder = 'Search', className }: SearchFilterProps) {
  const id = useId();
  const [value, setValue] = useFilterParam(param, searchFilter, { history: 'replace' });
  return (
    <div className={cn('grid w-full gap-1.5 sm:w-72', className)}>
      <FilterLabel htmlFor={id}>{label}</FilterLabel>
      <div className="relative">
        <SearchIcon aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          id={id}
          type="search"
          value={value ?? ''}
          placeholder={placeholder}
          className="pl-8"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            const text = event.target.value;
            // Typing replaces the history entry instead of adding one per keystroke.
            setValue(text.trim() === '' ? null : text, { limitUrlUpdates: text === '' ? undefined : debounce(300) });
          }}
        />
      </div>
    </div>
  );
}
