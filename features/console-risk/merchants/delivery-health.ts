type Health = { pending: number; deadLetters: number; firstAttempts7d: number; firstAttemptSuccessRate7d: number | null };
type Endpoint = { endpointDisabledAt: string | null; endpointFailingSince: string | null };

export type HealthLevel = 'healthy' | 'degraded' | 'failing' | 'disabled' | 'idle';

/**
 * One word for a merchant's deliveries: disabled (we stopped sending), failing (failing right now), degraded (dead
 * letters waiting, or fewer than 95% of first attempts arrived over 7 days), healthy, or idle (nothing sent in 7 days).
 */
export function deliveryHealthLevel(health: Health, endpoint: Endpoint): HealthLevel {
  if (endpoint.endpointDisabledAt) return 'disabled';
  if (endpoint.endpointFailingSince) return 'failing';
  if (health.deadLetters > 0) return 'degraded';
  if (health.firstAttemptSuccessRate7d === null) return health.pending > 0 ? 'healthy' : 'idle';
  return health.firstAttemptSuccessRate7d < 0.95 ? 'degraded' : 'healthy';
}
