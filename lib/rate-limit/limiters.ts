import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getEnv, type Env } from '@/lib/env';
import { getRateLimitPool } from './rate-limit-pool';

/** Every limit the gateway enforces; the name is also the key prefix in api_rate_limit and the metric's label. */
export type LimitName = 'api' | 'auth_failures' | 'rejected_callbacks' | 'rejected_callbacks_total' | 'sign_in_account' | 'sign_in_address';

const limits: Record<LimitName, (env: Env) => { points: number; duration: number }> = {
  api: (env) => ({ points: env.RATE_LIMIT_API_PER_MINUTE, duration: 60 }),
  auth_failures: (env) => ({ points: env.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE, duration: 60 }),
  rejected_callbacks: (env) => ({ points: env.RATE_LIMIT_REJECTED_CALLBACKS_PER_MINUTE, duration: 60 }),
  rejected_callbacks_total: (env) => ({ points: env.RATE_LIMIT_REJECTED_CALLBACKS_TOTAL_PER_MINUTE, duration: 60 }),
  sign_in_account: (env) => ({ points: env.RATE_LIMIT_SIGN_IN_PER_ACCOUNT, duration: 15 * 60 }),
  sign_in_address: (env) => ({ points: env.RATE_LIMIT_SIGN_IN_PER_ADDRESS, duration: 15 * 60 }),
};

export const rateLimitTable = 'api_rate_limit';

const globalForLimiters = globalThis as unknown as { paygateLimiters?: Map<LimitName, RateLimiterAbstract> };

/**
 * One limiter per limit, its counters in PostgreSQL (rate-limiter-flexible's RateLimiterPostgres on the table the
 * migrations create), so every web process counts against the same budget. If the database cannot be reached the
 * process falls back to counting in memory rather than refusing or waving everything through. Expired rows are
 * deleted by the worker's prune, not by a timer in every web process.
 */
export function getLimiter(name: LimitName): RateLimiterAbstract {
  globalForLimiters.paygateLimiters ??= new Map();
  let limiter = globalForLimiters.paygateLimiters.get(name);
  if (!limiter) {
    const { points, duration } = limits[name](getEnv());
    limiter = new RateLimiterPostgres({
      storeClient: getRateLimitPool(),
      storeType: 'pool',
      tableName: rateLimitTable,
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: name,
      points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
    });
    globalForLimiters.paygateLimiters.set(name, limiter);
  }
  return limiter;
}
