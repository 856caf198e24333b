'use client';

import { cn } from '@/lib/cn';
import { useHealth } from '../api/get-health';

const dotTone = { checking: 'bg-muted-foreground/40 animate-pulse', ok: 'bg-success', down: 'bg-destructive' };

export function HealthStatus() {
  const { data, isPending } = useHealth();
  const state = isPending ? 'checking' : data?.status === 'ok' ? 'ok' : 'down';
  const label =
    state === 'checking'
      ? 'Checking…'
      : state === 'ok'
        ? 'All systems ready'
        : `Not ready: ${data && 'message' in data ? data.message : ''}`;
  return (
    <span className="inline-flex items-center gap-2 font-medium" role="status" data-testid="health-status" data-state={state}>
      <span aria-hidden className={cn('size-2.5 rounded-full', dotTone[state])} />
      {label}
    </span>
  );
}
