import pg from 'pg';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';

const globalForPool = globalThis as unknown as { paygateRateLimitPool?: pg.Pool };

/**
 * The limiters' own small pool: a limit is checked on every API request, outside any Prisma transaction, and must
 * not wait behind the intake's connections. Idle connections never hold a process open.
 */
export function getRateLimitPool(): pg.Pool {
  if (!globalForPool.paygateRateLimitPool) {
    const pool = new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    // An idle connection the server closes (a restart, a failover) is replaced on next use; it must not end the process.
    pool.on('error', (error) => logger.warn({ err: error }, 'rate-limit connection lost'));
    globalForPool.paygateRateLimitPool = pool;
  }
  return globalForPool.paygateRateLimitPool;
}
