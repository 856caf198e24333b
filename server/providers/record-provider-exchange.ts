import { v7 as uuidv7 } from 'uuid';
import type { Db, Tx } from '@/lib/db/prisma';
import type { ProviderExchange } from './provider-client';

type Link = { attemptId?: string | null; refundId?: string | null };

/** Keeps one exchange with a provider (DESIGN §9: every request, response and verdict), with what it was about. */
export async function recordProviderExchange(db: Db | Tx, exchange: ProviderExchange, link: Link): Promise<string> {
  const id = uuidv7();
  await db.providerExchange.create({
    data: {
      id,
      provider: exchange.provider,
      operation: exchange.operation,
      method: exchange.method,
      url: exchange.url,
      requestHeaders: exchange.requestHeaders,
      requestBody: exchange.requestBody,
      status: exchange.status,
      responseHeaders: exchange.responseHeaders,
      responseBody: exchange.responseBody,
      verdict: exchange.verdict,
      reason: exchange.reason,
      startedAt: exchange.startedAt,
      durationMs: exchange.durationMs,
      attemptId: link.attemptId ?? null,
      refundId: link.refundId ?? null,
    },
  });
  return id;
}
