import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import type { OrderStatus, ProviderClient, ProviderExchange } from '@/server/providers/provider-client';
import { recordProviderExchange } from '@/server/providers/record-provider-exchange';
import type { LeasedAttempt } from './leased-attempt';
import { raiseLifecycleAlert } from './raise-lifecycle-alert';

export type QueryAnswer =
  | { answered: true; status: OrderStatus; exchange: ProviderExchange; exchangeId: string }
  | { answered: false; untrusted: boolean; reason: string };

type QueryAttempt = { db: Db; boss: PgBoss; client: ProviderClient; attempt: LeasedAttempt };

/**
 * Asks the provider about an attempt and keeps the exchange. An answer that failed verification (forged or missing
 * signature, stale timestamp, not our merchant) is never acted on: it is raised for a person, once per attempt.
 */
export async function queryAttempt({ db, client, attempt }: QueryAttempt): Promise<QueryAnswer> {
  // With our amount, the client refuses an answer about another amount as untrusted.
  const result = await client.queryOrder({ providerTradeNo: attempt.providerTradeNo, amount: attempt.amount });
  const exchangeId = await recordProviderExchange(db, result.exchange, { attemptId: attempt.id });
  if (result.ok) return { answered: true, status: result.value, exchange: result.exchange, exchangeId };
  const untrusted = result.failure.kind === 'untrusted';
  if (untrusted) {
    const evidence = { message: result.failure.message, providerTradeNo: attempt.providerTradeNo, provider: attempt.provider, exchangeId };
    const { id: attemptId, merchantId, paymentId } = attempt;
    await db.$transaction((tx) =>
      raiseLifecycleAlert({ tx, kind: 'untrusted_provider_answer', attemptId, merchantId, paymentId, evidence }),
    );
  }
  return { answered: false, untrusted, reason: result.failure.message };
}
