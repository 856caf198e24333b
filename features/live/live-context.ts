import { createContext, useContext } from 'react';
import type { LiveChange } from '@/contracts/live';
import type { LiveState } from './live-connection';

export type LiveContextValue = {
  state: LiveState;
  /** Hears every change the stream brings (already filtered to what this person may see); returns the unsubscribe. */
  subscribe: (listener: (changes: LiveChange[]) => void) => () => void;
};

export const LiveContext = createContext<LiveContextValue | null>(null);

export function useLiveContext(): LiveContextValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('Live hooks need a <LiveEventsProvider> above them (the signed-in layout mounts one)');
  return value;
}

/** The stream's state for people to see: connecting, live, reconnecting or polling. */
export function useLiveState(): LiveState {
  return useLiveContext().state;
}
