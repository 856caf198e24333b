import { cn } from '@/lib/cn';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'offline';

const looks: Record<ConnectionState, { label: string; dot: string }> = {
  connecting: { label: 'Connecting…', dot: 'bg-muted-foreground/50 animate-pulse' },
  live: { label: 'Live', dot: 'bg-success' },
  reconnecting: { label: 'Reconnecting…', dot: 'bg-warning animate-pulse' },
  polling: { label: 'Polling', dot: 'bg-warning' },
  offline: { label: 'Offline', dot: 'bg-destructive' },
};

/** The live view's state for the header's status slot; the live stream decides the state, this only shows it. */
export function ConnectionStatus({ state, className }: { state: ConnectionState; className?: string }) {
  const look = looks[state];
  return (
    <span
      role="status"
      data-testid="connection-status"
      data-state={state}
      className={cn('inline-flex items-center gap-2 rounded-full border bg-card px-2.5 py-1 text-xs font-medium', className)}
    >
      <span aria-hidden className={cn('size-2 rounded-full', look.dot)} />
      {look.label}
    </span>
  );
}
