import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { groupCommitFor } from '@/server/intake/group-commit';
import { raiseIntakeAlert } from '@/server/intake/raise-intake-alert';
import { recordNotification } from '@/server/intake/record-notification';
import type { OrderStatus, ProviderExchange } from '@/server/providers/provider-client';
import type { PaymentNotification } from '@/server/providers/provider-notification';
import type { LeasedAttempt, LookOutcome } from './leased-attempt';

type SettleQueriedPayment = {
  db: Db;
  boss: PgBoss;
  attempt: LeasedAttempt;
  status: Extract<OrderStatus, { state: 'paid' }>;
  exchange: ProviderExchange;
  exchangeId: string;
};

/**
 * The provider answered our query "paid": verified (by its client), then amount-checked here, and settled through
 * the very transaction a callback goes through (inbox row marked as from a query, attempt and payment state,
 * delivery, job, topic event), so a callback for it later is a harmless duplicate. A wrong amount is never paid: it
 * is kept and raised, once per transaction and amount.
 */
export async function settleQueriedPayment({
  db,
  boss,
  attempt,
  status,
  exchange,
  exchangeId,
}: SettleQueriedPayment): Promise<LookOutcome> {
  const notification: PaymentNotification = {
    kind: 'payment',
    provider: attempt.provider,
    notificationId: requestIdOf(exchange) ?? exchangeId,
    outTradeNo: attempt.providerTradeNo,
    providerTransactionId: status.providerTransactionId,
    paid: true,
    tradeState: status.tradeState,
    amount: status.amount,
    currency: status.currency,
    paidAt: status.paidAt,
    payer: status.payer,
    device: status.device,
  };
  const evidence = { rawBody: exchange.responseBody ?? '', headers: exchange.responseHeaders };
  if (status.amount !== attempt.amount || status.currency !== attempt.currency) {
    const message = `Provider reports ${status.amount} ${status.currency} paid but attempt ${attempt.providerTradeNo} is ${attempt.amount} ${attempt.currency}`;
    await db.$transaction(async (tx) => {
      const { inserted } = await recordNotification(tx, {
        ...evidence,
        provider: attempt.provider,
        kind: 'payment',
        outcome: 'rejected',
        reason: message,
        dedupeKey: `mismatch:${status.providerTransactionId}:${status.amount}:${status.currency}`,
        notificationId: notification.notificationId,
        paymentId: attempt.paymentId,
        attemptId: attempt.id,
        source: 'query',
        exchangeId,
      });
      if (inserted) {
        await raiseIntakeAlert({
          tx,
          kind: 'amount_mismatch',
          merchantId: attempt.merchantId,
          paymentId: attempt.paymentId,
          notification,
          message,
        });
      }
    });
    return 'amount_mismatch';
  }
  const outcome = await groupCommitFor(db, boss).apply({
    ...evidence,
    notification,
    attemptId: attempt.id,
    paymentId: attempt.paymentId,
    source: 'query',
    exchangeId,
  });
  if (outcome === 'applied') return 'settled';
  if (outcome === 'duplicate') return 'already_settled';
  return 'duplicate_payment';
}

function requestIdOf(exchange: ProviderExchange): string | null {
  const entry = Object.entries(exchange.responseHeaders).find(([name]) => name.toLowerCase() === 'request-id');
  return entry?.[1] ?? null;
}
