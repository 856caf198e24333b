import { queryOptions, useQuery } from '@tanstack/react-query';

export type Health = { status: 'ok' } | { status: 'down'; message: string };

export async function getHealth(): Promise<Health> {
  const response = await fetch('/api/health', { cache: 'no-store' });
  if (response.ok) return { status: 'ok' };
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { status: 'down', message: body?.error?.message ?? `HTTP ${response.status}` };
}

export const healthQueryOptions = queryOptions({ queryKey: ['health'], queryFn: getHealth, refetchInterval: 5_000 });

export function useHealth() {
  return useQuery(healthQueryOptions);
}
