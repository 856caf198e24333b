import { request, type Dispatcher } from 'undici';
import { logger } from '@/lib/logger';

export type AttemptResult = {
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
  retryAfterSeconds: number | null;
};

/** A merchant acknowledges a webhook with any 2xx. */
export function acknowledged(result: AttemptResult): boolean {
  return result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
}

const excerptBytes = 1024;

/** One POST to the merchant. Redirects are not followed: a 3xx is an answer like any other non-2xx. */
export async function sendWebhook(options: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  dispatcher: Dispatcher;
}): Promise<AttemptResult> {
  const startedAt = new Date();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const headers = { 'content-type': 'application/json', 'user-agent': 'paygate-webhooks/1', ...options.headers };
  try {
    const response = await request(options.url, {
      method: 'POST',
      body: options.body,
      headers,
      dispatcher: options.dispatcher,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const excerpt = await readExcerpt(response.body);
    // The request's headers carry the signatures: the logger redacts them (lib/logger.ts).
    if (logger.isLevelEnabled('debug'))
      logger.debug({ url: options.url, headers, statusCode: response.statusCode, durationMs: elapsed() }, 'webhook attempt');
    return {
      startedAt,
      durationMs: elapsed(),
      statusCode: response.statusCode,
      responseExcerpt: excerpt,
      error: null,
      retryAfterSeconds: parseRetryAfter(response.headers['retry-after']),
    };
  } catch (error) {
    const message = error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}` : String(error);
    return {
      startedAt,
      durationMs: elapsed(),
      statusCode: null,
      responseExcerpt: null,
      error: message.slice(0, 500),
      retryAfterSeconds: null,
    };
  }
}

async function readExcerpt(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= excerptBytes) break;
  }
  body.destroy();
  return Buffer.concat(chunks).subarray(0, excerptBytes).toString('utf8');
}

/** Retry-After as delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return null;
  if (/^\d+$/.test(text.trim())) return Number(text.trim());
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
