'use client';

import { useState } from 'react';
import { currencyMinorDigits } from '@/lib/format/currency-minor-digits';
import { minorUnitsToDecimal } from '@/lib/format/minor-units-to-decimal';
import { parseMoneyInput } from '@/lib/format/parse-money-input';
import { cn } from '@/lib/cn';
import { amountFilter } from '@/components/filters/filter-parsers';
import { useFilterParam } from '@/components/filters/use-filter-param';
import { Input } from '@/components/ui/input';

function asText(minor: number | null, currency: string): string {
  if (minor === null) return '';
  return minorUnitsToDecimal(minor, currencyMinorDigits(currency)).replace(/\.0+$/, '');
}

type AmountInputProps = {
  param: string;
  currency: string;
  'aria-label': string;
  placeholder?: string;
  onValidityChange?: (valid: boolean) => void;
  className?: string;
};

/**
 * An amount typed in major units (yuan) and kept in the URL in minor units (fen), exactly. It is applied on Enter or
 * when focus leaves; text that is not an amount is marked invalid and leaves the URL as it was.
 */
export function AmountInput({ param, currency, placeholder, onValidityChange, className, ...aria }: AmountInputProps) {
  const [value, setValue] = useFilterParam(param, amountFilter);
  const [text, setText] = useState(() => asText(value, currency));
  const [shownValue, setShownValue] = useState(value);
  const [invalid, setInvalid] = useState(false);
  // Back/forward or another control changed the URL: show its value (React's "adjust state on prop change").
  if (value !== shownValue) {
    setShownValue(value);
    setText(asText(value, currency));
    setInvalid(false);
  }

  const apply = () => {
    const trimmed = text.trim();
    const minor = trimmed === '' ? null : parseMoneyInput(trimmed, currency);
    const ok = trimmed === '' || minor !== null;
    setInvalid(!ok);
    onValidityChange?.(ok);
    if (ok && minor !== value) setValue(minor);
  };

  return (
    <Input
      {...aria}
      inputMode="decimal"
      autoComplete="off"
      value={text}
      placeholder={placeholder}
      aria-invalid={invalid || undefined}
      className={cn('w-full tabular-nums sm:w-28', className)}
      onChange={(event) => setText(event.target.value)}
      onBlur={apply}
      onKeyDown={(event) => {
        if (event.key === 'Enter') apply();
      }}
    />
  );
}
