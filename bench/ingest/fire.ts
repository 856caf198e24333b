// Load generation with autocannon: every callback request carries a different pre-signed callback.
import autocannon, { type Request, type Result } from 'autocannon';
import type { SignedCallback } from './callback-pool';

export type Figures = {
  /** Answers per second over the whole run. */
  throughput: number;
  p50: number;
  p99: number;
  answered: number;
  ok: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
};

/**
 * autocannon builds each connection's next request as the previous one is answered, so it may build up to one
 * request per connection that is never sent; pools carry that many spare callbacks.
 */
export const spareCallbacks = (connections: number) => connections + 1;

/** Sends each callback of the pool at most once (all but the spares), as fast as `connections` allow or at `overallRate`. */
export async function fireCallbacks(
  baseUrl: string,
  pool: SignedCallback[],
  options: { connections: number; overallRate?: number },
): Promise<Figures> {
  const amount = pool.length - spareCallbacks(options.connections);
  if (amount < options.connections)
    throw new Error(`a pool of ${pool.length} callbacks is too small for ${options.connections} connections`);
  let next = 0;
  const setupRequest = (request: Request): Request => {
    const callback = pool[next++];
    if (!callback) throw new Error('callback pool exhausted: a callback would have been sent twice');
    return { ...request, headers: callback.headers, body: callback.rawBody };
  };
  const result = await autocannon({
    url: `${baseUrl}/api/callbacks/wechatpay`,
    connections: options.connections,
    overallRate: options.overallRate,
    amount,
    timeout: 30,
    requests: [{ method: 'POST', setupRequest }],
  });
  return toFigures(result);
}

/** The no-op route of the same server: what the HTTP stack alone can do on this machine. */
export async function fireNoop(baseUrl: string, options: { connections: number; durationSeconds: number }): Promise<Figures> {
  const result = await autocannon({
    url: `${baseUrl}/api/health/live`,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
  });
  return toFigures(result);
}

function toFigures(result: Result): Figures {
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]));
  return {
    throughput: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    answered: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
  };
}
