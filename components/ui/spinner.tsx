import { Loader2Icon } from 'lucide-react';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

type SpinnerProps = ComponentProps<'svg'> & {
  /** Read by screen readers; pass `null` when the surrounding element already says it is busy. */
  label?: string | null;
};

/** A turning ring. Announced as "Loading" unless `label={null}` (then it is decoration). */
export function Spinner({ className, label = 'Loading', ...props }: SpinnerProps) {
  const a11y = label === null ? { 'aria-hidden': true } : { role: 'status', 'aria-label': label };
  return <Loader2Icon data-slot="spinner" className={cn('inline-block size-4 shrink-0 animate-spin', className)} {...a11y} {...props} />;
}
