'use client';

import { PauseIcon } from 'lucide-react';
import { Alert, AlertAction, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatCount } from '@/lib/format/format-number';

type NewRowsBannerProps = {
  /** How many rows arrived while the view was held; nothing is shown at 0 unless `paused`. */
  count: number;
  /** "order" → "12 new orders". */
  noun?: string;
  /** Whether the live view is held (the banner then says so even before anything arrived). */
  paused?: boolean;
  /** Shows what arrived (and usually resumes the live view). */
  onShow: () => void;
};

/** "12 new orders — Show": the paused live view's notice, for a data table's `banner` slot. */
export function NewRowsBanner({ count, noun = 'row', paused = false, onShow }: NewRowsBannerProps) {
  if (count === 0 && !paused) return null;
  const what = `${formatCount(count)} new ${count === 1 ? noun : `${noun}s`}`;
  return (
    <Alert tone="info" role="status" data-testid="new-rows-banner">
      <PauseIcon aria-hidden />
      <AlertTitle>{paused ? 'Live updates paused' : what}</AlertTitle>
      <AlertDescription>
        {paused ? (count > 0 ? `${what} since you paused.` : 'New rows will be counted here.') : 'Arrived since the list was loaded.'}
      </AlertDescription>
      <AlertAction>
        <Button size="sm" variant="outline" onClick={onShow}>
          {count > 0 ? `Show ${formatCount(count)} new` : 'Resume'}
        </Button>
      </AlertAction>
    </Alert>
  );
}
