'use client';

import { useId } from 'react';
import { cn } from '@/lib/cn';
import { choiceFilter } from '@/components/filters/filter-parsers';
import { useFilterParam } from '@/components/filters/use-filter-param';
import { FilterLabel } from '@/components/filters/filter-label';
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from '@/components/ui/select';

export type FilterOption = { value: string; label: string };

type SelectFilterProps = {
  param: string;
  label: string;
  options: readonly FilterOption[];
  /** What "no filter" is called: "Any status". */
  anyLabel?: string;
  className?: string;
};

// Radix gives "" no item, so "no filter" is this value in the control and no parameter in the URL.
const ANY = '__any';

/** A choice bound to `?{param}=`; choosing adds a history entry, so Back undoes it. */
export function SelectFilter({ param, label, options, anyLabel = 'Any', className }: SelectFilterProps) {
  const id = useId();
  const [value, setValue] = useFilterParam(param, choiceFilter);
  // A value in the URL that is not an option (a hand-edited link) is still shown, not silently dropped.
  const known = value === null || options.some((option) => option.value === value);
  return (
    <div className={cn('grid gap-1.5', className)}>
      <FilterLabel htmlFor={id}>{label}</FilterLabel>
      <Select value={value ?? ANY} onValueChange={(next) => setValue(next === ANY ? null : next)}>
        <SelectTrigger id={id} className="w-full min-w-36 sm:w-44">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ANY}>{anyLabel}</SelectItem>
          <SelectSeparator />
          {!known && value !== null && <SelectItem value={value}>{value}</SelectItem>}
          {options.map((option) => (
            <SelectItem key={option.value} value={option.value}>
              {option.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
