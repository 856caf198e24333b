import type { Db } from '@/lib/db/prisma';
import type { PaymentNotification } from '@/server/providers/provider-notification';
import { loadAttemptCandidates } from './load-attempt-candidates';

export type NotifiedAttempt = {
  id: string;
  paymentId: string;
  merchantId: string;
  amount: number;
  currency: string;
  status: string;
  transactionId: string | null;
};

export type Match =
  | { found: true; attempt: NotifiedAttempt }
  | { found: false; reason: 'unknown_payment' | 'amount_mismatch'; message: string; merchantId: string | null; paymentId: string | null };

/**
 * Finds the attempt a provider's notification is about and checks the money. The provider's out_trade_no is our
 * providerTradeNo, unique across the system, so the match is exact: never the merchant's outTradeNo, which two
 * merchants may share (and then, with equal amounts, could be credited each other's payment).
 */
export async function findNotifiedAttempt(db: Db, notification: PaymentNotification): Promise<Match> {
  const attempt = await loadAttemptCandidates(db, { provider: notification.provider, providerTradeNo: notification.outTradeNo });
  if (!attempt) {
    return {
      found: false,
      reason: 'unknown_payment',
      message: `No ${notification.provider} payment attempt with out_trade_no ${notification.outTradeNo}`,
      merchantId: null,
      paymentId: null,
    };
  }
  if (attempt.amount !== notification.amount || attempt.currency !== notification.currency) {
    return {
      found: false,
      reason: 'amount_mismatch',
      message: `Notified ${notification.amount} ${notification.currency} but attempt ${notification.outTradeNo} is ${attempt.amount} ${attempt.currency}`,
      merchantId: attempt.merchantId,
      paymentId: attempt.paymentId,
    };
  }
  return { found: true, attempt };
}
