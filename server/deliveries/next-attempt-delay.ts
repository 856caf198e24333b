/**
 * Seconds until the next attempt, or null when the schedule is spent. `step` is the position in the
 * schedule of the attempt that just failed. Jitter (±10%) keeps many deliveries that failed together
 * from retrying in lockstep; a Retry-After the merchant sent is waited out at the least (up to a day).
 */
const maxRetryAfterSeconds = 86_400;

export function nextAttemptDelay(options: {
  schedule: readonly number[];
  step: number;
  retryAfterSeconds: number | null;
  random?: () => number;
}): number | null {
  const base = options.schedule[options.step];
  if (base === undefined) return null;
  const jittered = base * (0.9 + 0.2 * (options.random ?? Math.random)());
  const honoured = options.retryAfterSeconds === null ? 0 : Math.min(options.retryAfterSeconds, maxRetryAfterSeconds);
  return Math.max(jittered, honoured);
}
