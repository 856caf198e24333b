/**
 * What one look at a refund (a submission or a query), or one notification, came to. The final ones name the state
 * the refund reached; `processing` and `abnormal` wait for the next look; the failures leave it as it was, to be
 * looked at again; `already_final` found it final (a notification or another worker was first).
 */
export type RefundOutcome =
  | 'succeeded'
  | 'closed'
  | 'failed'
  | 'processing'
  | 'abnormal'
  | 'submit_failed'
  | 'query_failed'
  | 'untrusted_answer'
  | 'already_final'
  | 'not_due'
  | 'error';

export const openRefundStatuses = ['pending', 'processing', 'abnormal'] as const;
