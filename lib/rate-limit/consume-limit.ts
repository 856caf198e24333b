import { createHash } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '@/lib/errors';
import { getMetrics } from '@/lib/metrics/metrics';
import { getLimiter, type LimitName } from './limiters';

/**
 * Counts one use of `key` against a limit; over it, throws the 429 AppError (its Retry-After the seconds until the
 * window frees a point) and counts it in paygate_rate_limited_total. Keys are hashed, so no address, account or
 * token is stored and every key fits the table's column.
 */
export async function consumeLimit(name: LimitName, key: string): Promise<void> {
  try {
    await getLimiter(name).consume(hashKey(key));
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    getMetrics().rateLimited.inc({ limit: name });
    throw rateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
  }
}

/** Forgets a key's count, e.g. an account's failed sign-ins once it signs in. */
export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await getLimiter(name).delete(hashKey(key));
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 32);
}
