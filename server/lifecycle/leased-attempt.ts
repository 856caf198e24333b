import type { PaymentAttempt } from '@/generated/prisma/client';

/** An attempt this worker holds the lease of: it alone talks to the provider about it until the lease ends. */
export type LeasedAttempt = PaymentAttempt;

/**
 * What one look at an attempt came to. `settled`: its payment took it; `duplicate_payment`: paid, but the payment
 * already had its paid attempt; `already_settled`: a callback had told us first; `closing`: closed at the provider,
 * not yet confirmed; the failures leave the attempt as it was, to be looked at again.
 */
export type LookOutcome =
  | 'settled'
  | 'duplicate_payment'
  | 'already_settled'
  | 'still_pending'
  | 'closing'
  | 'closed'
  | 'failed'
  | 'amount_mismatch'
  | 'query_failed'
  | 'untrusted_answer'
  | 'close_failed'
  | 'gave_up'
  | 'not_due';
