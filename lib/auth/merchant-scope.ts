// The one merchant-scope check. A caller bound to a merchant (its API key, later its users) sees only that
// merchant's data; anything of another merchant answers exactly like something that does not exist, so ids
// cannot be probed. Staff and the admin token see every merchant.
import { AppError } from '@/lib/errors';
import type { Principal } from './principal';

/** The merchant a principal is confined to, or null when it may see them all. */
export function boundMerchantId(principal: Principal | null): string | null {
  return principal?.kind === 'merchant' ? principal.merchantId : null;
}

export function canSeeMerchant(principal: Principal | null, merchantId: string | null | undefined): boolean {
  const bound = boundMerchantId(principal);
  return bound === null || bound === merchantId;
}

/**
 * Returns `row` when the principal may see the merchant it belongs to; a missing row or another merchant's
 * answers 404 with `what` (e.g. "Payment 0196…") as if it did not exist.
 */
export function withinScope<T extends { merchantId: string | null }>(
  principal: Principal | null,
  row: T | null | undefined,
  what: string,
): T {
  if (!row || !canSeeMerchant(principal, row.merchantId)) throw new AppError('not_found', `${what} not found`);
  return row;
}

/** Checks a merchant id named in a request (a path, a body, a filter) the same way. */
export function assertMerchantInScope(principal: Principal | null, merchantId: string): void {
  if (!canSeeMerchant(principal, merchantId)) throw new AppError('not_found', `Merchant ${merchantId} not found`);
}

/** The merchant filter of a list: a bound principal's own merchant (naming another is not found), else the requested one. */
export function scopedMerchantFilter(principal: Principal | null, requested: string | undefined): string | undefined {
  if (requested) assertMerchantInScope(principal, requested);
  return boundMerchantId(principal) ?? requested;
}
