import { boundMerchantId, canSeeMerchant } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { LiveChange } from '@/contracts/live';

/**
 * Whether a change may be announced to this caller: the merchant scope of every read (a merchant-bound caller hears
 * only its own merchant), and risk alerts are staff-only (DESIGN §8: the portal shows no risk internals).
 */
export function canSeeChange(principal: Principal | null, change: LiveChange): boolean {
  if (change.kind === 'alert' && boundMerchantId(principal) !== null) return false;
  return canSeeMerchant(principal, change.merchantId);
}
