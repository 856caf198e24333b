'use client';

import { ConnectionStatus } from '@/components/shell/connection-status';
import { useLiveState } from '../live-context';

/**
 * The live stream's state in the shell's header slot (`<AppShell status={<LiveIndicator />}>`): Connecting…, Live,
 * Reconnecting…, or Polling while the stream stays down (the page then refetches every few seconds).
 */
export function LiveIndicator({ className }: { className?: string }) {
  return <ConnectionStatus state={useLiveState()} className={className} />;
}
