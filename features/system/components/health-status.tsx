'use client';

import { useHealth } from '../api/get-health';

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
    <span className="status" data-testid="health-status" data-state={state}>
      <span className={`dot ${state}`} />
      {label}
    </span>
  );
}
