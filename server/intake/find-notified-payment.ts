import type { Db } from '@/lib/db/prisma';
import type { PaymentNotification } from '@/server/providers/provider-notification';
import { loadPaymentCandidates } from './load-payment-candidates';

export type NotifiedPayment = {
  id: string;
  merchantId: string;
  amount: number;
  currency: string;
  status: string;
  transactionId: string | null;
};

export type Match =
  | { found: true; payment: NotifiedPayment }
  | { found: false; reason: 'unknown_payment' | 'amount_mismatch'; message: string; merchantId: string | null; paymentId: string | null };

/**
 * Finds our payment for a provider's notification and checks the money. outTradeNo is unique per
 * merchant, so several merchants may share one; the amount then tells them apart.
 */
export async function findNotifiedPayment(db: Db, notification: PaymentNotification): Promise<Match> {
  const candidates = await loadPaymentCandidates(db, { provider: notification.provider, outTradeNo: notification.outTradeNo });
  const matching = candidates.filter((p) => p.amount === notification.amount && p.currency === notification.currency);
  const payment =
    matching.find((p) => p.transactionId === notification.providerTransactionId) ??
    matching.find((p) => p.status === 'pending') ??
    matching[0];
  if (payment) return { found: true, payment };
  if (candidates.length === 0) {
    return {
      found: false,
      reason: 'unknown_payment',
      message: `No ${notification.provider} payment with outTradeNo ${notification.outTradeNo}`,
      merchantId: null,
      paymentId: null,
    };
  }
  const first = candidates[0];
  return {
    found: false,
    reason: 'amount_mismatch',
    message: `Notified ${notification.amount} ${notification.currency} but payment ${first.id} is ${first.amount} ${first.currency}`,
    merchantId: candidates.length === 1 ? first.merchantId : null,
    paymentId: candidates.length === 1 ? first.id : null,
  };
}
