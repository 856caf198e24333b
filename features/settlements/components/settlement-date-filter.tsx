'use client';

import { useId } from 'react';
import { FilterLabel } from '@/components/filters/filter-label';
import { useFilterParam } from '@/components/filters/use-filter-param';
import { Input } from '@/components/ui/input';
import { settlementFilterParsers } from '../settlement-filters';

/** One business day bound to `?{param}=YYYY-MM-DD` (settlement days are calendar days of the business zone). */
export function SettlementDateFilter({ param, label }: { param: 'from' | 'to'; label: string }) {
  const id = useId();
  const [value, setValue] = useFilterParam(param, settlementFilterParsers[param]);
  return (
    <div className="grid gap-1.5">
      <FilterLabel htmlFor={id}>{label}</FilterLabel>
      <Input
        id={id}
        type="date"
        value={value ?? ''}
        className="w-full sm:w-44"
        onChange={(event) => setValue(event.target.value === '' ? null : event.target.value)}
      />
    </div>
  );
}
