import { request } from 'undici';

export type ProviderHttpRequest = {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number;
  /** A larger answer is cut off and reported as a failure: provider answers are small, bills are the exception. */
  maxResponseBytes: number;
};

export type ProviderHttpResponse = { status: number; headers: Record<string, string>; body: Buffer };

export type ProviderHttpOutcome = {
  startedAt: Date;
  durationMs: number;
  response: ProviderHttpResponse | null;
  /** Why no response came (refused connection, timeout, reset, an oversized answer). */
  error: string | null;
};

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * One HTTP exchange with a provider; never throws. Redirects are not followed, and the timeout covers the whole
 * exchange (connect, headers and body), so a provider that trickles its answer cannot hold a caller past it.
 */
export async function sendProviderRequest(options: ProviderHttpRequest): Promise<ProviderHttpOutcome> {
  const startedAt = new Date();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await request(options.url, {
      method: options.method,
      headers: options.headers,
      body: options.body ?? undefined,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > options.maxResponseBytes) {
        response.body.destroy();
        return { startedAt, durationMs: elapsed(), response: null, error: `answer larger than ${options.maxResponseBytes} bytes` };
      }
      chunks.push(chunk);
    }
    return {
      startedAt,
      durationMs: elapsed(),
      response: { status: response.statusCode, headers: flattenHeaders(response.headers), body: Buffer.concat(chunks) },
      error: null,
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const detail = error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}` : String(error);
    return {
      startedAt,
      durationMs: elapsed(),
      response: null,
      error: timedOut ? `no answer within ${options.timeoutMs} ms` : detail.slice(0, 300),
    };
  }
}
