'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LiveChange } from '@/contracts/live';
import { LiveConnection, type LiveState } from '../live-connection';
import { LiveContext } from '../live-context';
import { LiveInvalidator } from '../live-invalidator';

/**
 * Holds the page's one live stream: mount it once, in the layout every signed-in page shares, inside the react-query
 * provider. Queries that follow the key convention of `features/live/query-keys.ts` then refetch when what they show
 * changes; nothing else is needed in a page.
 */
export function LiveEventsProvider({ children, url = '/api/events' }: { children: ReactNode; url?: string }) {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const listeners = useRef(new Set<(changes: LiveChange[]) => void>());

  useEffect(() => {
    const connection = new LiveConnection({
      url,
      invalidator: new LiveInvalidator(client),
      onState: setState,
      onChanges: (changes) => listeners.current.forEach((listener) => listener(changes)),
    });
    connection.start();
    return () => connection.stop();
  }, [client, url]);

  const subscribe = useCallback((listener: (changes: LiveChange[]) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const value = useMemo(() => ({ state, subscribe }), [state, subscribe]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
