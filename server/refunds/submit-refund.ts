import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';
import type { ProviderClient } from '@/server/providers/provider-client';
import { recordProviderExchange } from '@/server/providers/record-provider-exchange';
import { applyRefundAnswer } from './apply-refund-answer';
import type { LeasedRefund } from './leased-refund';
import type { RefundOutcome } from './refund-outcome';

type SubmitRefund = { db: Db; boss: PgBoss; client: ProviderClient; refund: LeasedRefund; settings: LifecycleSettings };

/** What the shopper sees as the refund's reason at the provider. */
const reasonText: Record<string, string> = {
  customer: 'Refund requested by the customer',
  merchant: 'Refund by the merchant',
  duplicate_payment: 'Duplicate payment refunded',
  paid_after_close: 'Payment received after the order was closed',
  other: 'Refund',
};

/**
 * Submits a reserved refund to the provider with its own providerRefundNo, the same on every retry, so a refund
 * submitted twice (a crash after the provider took it, a retried job) is one refund at the provider. The exchange is
 * kept with the refund; what the provider answered is applied at once.
 */
export async function submitRefund({ db, boss, client, refund, settings }: SubmitRefund): Promise<RefundOutcome> {
  const result = await client.refund({
    providerTradeNo: refund.attempt.providerTradeNo,
    providerRefundNo: refund.providerRefundNo,
    amount: refund.amount,
    totalAmount: refund.attempt.amount,
    currency: refund.currency,
    reason: reasonText[refund.reason] ?? 'Refund',
    notifyUrl: `${settings.callbackBaseUrl}/api/callbacks/${refund.attempt.provider}`,
  });
  await recordProviderExchange(db, result.exchange, { attemptId: refund.attemptId, refundId: refund.id });
  return applyRefundAnswer({ db, boss, refund, settings, result, call: 'submit' });
}
