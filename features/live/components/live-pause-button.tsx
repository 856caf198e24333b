'use client';

import { PauseIcon, PlayIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import type { LivePause } from '../use-live-pause';

/**
 * Pause / resume for a live table, beside its filters. While paused, the table's `banner` slot shows what arrived:
 * `<NewRowsBanner count={pause.arrived} paused={pause.paused} noun="order" onShow={pause.resume} />`.
 */
export function LivePauseButton({ pause }: { pause: LivePause }) {
  return (
    <Button variant="outline" size="sm" onClick={pause.toggle} aria-pressed={pause.paused} data-testid="live-pause">
      {pause.paused ? <PlayIcon aria-hidden /> : <PauseIcon aria-hidden />}
      {pause.paused ? 'Resume' : 'Pause'}
    </Button>
  );
}
