import { v7 as uuidv7 } from 'uuid';

/**
 * Our number for a refund a caller asked for: `RF` and 32 hex digits (both providers take 6–64 letters, digits and
 * underscores). Made once, when the refund is reserved, and sent on every submission of it.
 */
export function newProviderRefundNo(): string {
  return `RF${uuidv7().replaceAll('-', '')}`;
}

export type AutomaticRefundReason = 'duplicate_payment' | 'paid_after_close';

/** The reasons of refunds the gateway makes itself, of money the merchant was never told of. */
export const automaticRefundReasons: ReadonlySet<string> = new Set<AutomaticRefundReason>(['duplicate_payment', 'paid_after_close']);

/**
 * The numbers of the automatic refund of an attempt's extra money, derived from the attempt alone, so a retried job
 * or a second sweep meets the refund it already made (both numbers are unique) instead of making another. The
 * merchant's refundNo of it carries a colon, which no refundNo a caller gives may hold.
 */
export function automaticRefundNumbers(providerTradeNo: string, reason: AutomaticRefundReason) {
  const providerRefundNo = `${reason === 'duplicate_payment' ? 'RD' : 'RL'}${providerTradeNo}`;
  return { providerRefundNo, refundNo: `auto:${providerRefundNo}` };
}
