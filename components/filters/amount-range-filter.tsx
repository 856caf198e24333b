'use client';

import { useId, useState } from 'react';
import { AmountInput } from '@/components/filters/amount-input';
import { FilterLabel } from '@/components/filters/filter-label';

type AmountRangeFilterProps = {
  minParam?: string;
  maxParam?: string;
  label?: string;
  currency?: string;
};

/** From–to amount in yuan, kept as fen in `?minAmount=&maxAmount=` (the names the API's filters use by default). */
export function AmountRangeFilter({
  minParam = 'minAmount',
  maxParam = 'maxAmount',
  label = 'Amount (¥)',
  currency = 'CNY',
}: AmountRangeFilterProps) {
  const id = useId();
  const [validity, setValidity] = useState({ min: true, max: true });
  const valid = validity.min && validity.max;
  return (
    <div role="group" aria-labelledby={id} className="grid gap-1.5">
      <FilterLabel>
        <span id={id}>{label}</span>
      </FilterLabel>
      <div className="flex items-center gap-1.5">
        <AmountInput
          param={minParam}
          currency={currency}
          aria-label={`${label} from`}
          placeholder="from"
          onValidityChange={(ok) => setValidity((v) => ({ ...v, min: ok }))}
        />
        <span aria-hidden className="text-muted-foreground">
          –
        </span>
        <AmountInput
          param={maxParam}
          currency={currency}
          aria-label={`${label} to`}
          placeholder="to"
          onValidityChange={(ok) => setValidity((v) => ({ ...v, max: ok }))}
        />
      </div>
      {!valid && (
        <p role="alert" className="text-xs text-destructive">
          Enter an amount such as 12.50
        </p>
      )}
    </div>
  );
}
