'use client';

import { useId } from 'react';
import { flagFilter } from '@/components/filters/filter-parsers';
import { useFilterParam } from '@/components/filters/use-filter-param';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';

/** A yes/no filter bound to `?{param}=true` (absent when unchecked), e.g. "Flagged only". */
export function CheckboxFilter({ param, label }: { param: string; label: string }) {
  const id = useId();
  const [value, setValue] = useFilterParam(param, flagFilter);
  return (
    <div className="flex h-9 items-center gap-2">
      <Checkbox id={id} checked={value === true} onCheckedChange={(checked) => setValue(checked === true ? true : null)} />
      <Label htmlFor={id}>{label}</Label>
    </div>
  );
}
