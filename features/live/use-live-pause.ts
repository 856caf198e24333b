import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveChange, LiveEntityKind } from '@/contracts/live';
import { useLiveContext } from './live-context';

/**
 * Pause for a live table: while paused the view keeps its rows and counts what arrived. Pass `subscribed: !paused`
 * to the table's `useQuery`, so the rows hold still (the query is still marked stale by the stream) and refetch on
 * resume. `arrived` counts the distinct items of `kind` (matching `match`, e.g. the table's filters) that were added
 * or changed since the pause.
 */
export function useLivePause(kind: LiveEntityKind, match?: (change: LiveChange) => boolean) {
  const { subscribe } = useLiveContext();
  const [paused, setPaused] = useState(false);
  const [arrived, setArrived] = useState(0);
  const matchRef = useRef(match);
  useEffect(() => {
    matchRef.current = match;
  });

  useEffect(() => {
    if (!paused) return;
    const seen = new Set<string>();
    return subscribe((changes) => {
      const before = seen.size;
      for (const change of changes) if (change.kind === kind && (matchRef.current?.(change) ?? true)) seen.add(change.id);
      if (seen.size !== before) setArrived(seen.size);
    });
  }, [paused, kind, subscribe]);

  const pause = useCallback(() => {
    setArrived(0);
    setPaused(true);
  }, []);
  const resume = useCallback(() => {
    setPaused(false);
    setArrived(0);
  }, []);
  return { paused, arrived, pause, resume, toggle: paused ? resume : pause };
}

export type LivePause = ReturnType<typeof useLivePause>;
