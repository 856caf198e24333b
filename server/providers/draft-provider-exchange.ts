import type { ProviderExchange } from './provider-client';
import type { ProviderHttpOutcome } from './send-provider-request';

export type ProviderExchangeDraft = Omit<ProviderExchange, 'verdict' | 'reason'>;

// Exchanges are stored with their attempt or refund; a bill can be megabytes, so bodies are kept to an excerpt.
const maxBodyChars = 64 * 1024;

function excerpt(text: string): string {
  if (text.length <= maxBodyChars) return text;
  return `${text.slice(0, maxBodyChars)}…[${text.length - maxBodyChars} more characters not kept]`;
}

/** The exchange as it went on the wire; the caller passes the URL and headers with its credentials already masked. */
export function draftProviderExchange(options: {
  provider: ProviderExchange['provider'];
  operation: ProviderExchange['operation'];
  method: string;
  maskedUrl: string;
  maskedRequestHeaders: Record<string, string>;
  requestBody: string | null;
  outcome: ProviderHttpOutcome;
  /** A zip file is kept as its size, not as text. */
  binaryResponse?: boolean;
}): ProviderExchangeDraft {
  const { outcome } = options;
  return {
    provider: options.provider,
    operation: options.operation,
    method: options.method,
    url: options.maskedUrl,
    requestHeaders: options.maskedRequestHeaders,
    requestBody: options.requestBody === null ? null : excerpt(options.requestBody),
    status: outcome.response?.status ?? null,
    responseHeaders: outcome.response?.headers ?? {},
    responseBody: !outcome.response
      ? null
      : options.binaryResponse
        ? `[${outcome.response.body.length} bytes]`
        : excerpt(outcome.response.body.toString('utf8')),
    startedAt: outcome.startedAt,
    durationMs: outcome.durationMs,
  };
}
