import { audienceOf, type Role } from '@/contracts/access';
import type { Principal } from '@/lib/auth/principal';
import { assertMerchantInScope } from '@/lib/auth/merchant-scope';
import { AppError } from '@/lib/errors';

/**
 * Whom a principal may manage: staff admins anyone; a merchant's owners only merchant roles of their own merchant
 * (another merchant's users answer as if they did not exist). Returns the merchant the user is to be bound to.
 */
export function assertMayManage(principal: Principal, target: { role: Role; merchantId?: string | null }): string | null {
  const audience = audienceOf(target.role);
  if (principal.kind === 'merchant' && audience === 'staff')
    throw new AppError('forbidden', 'A merchant owner may add only merchant users');
  const merchantId = principal.kind === 'merchant' ? (target.merchantId ?? principal.merchantId) : target.merchantId;
  if (audience === 'staff') {
    if (merchantId) throw new AppError('validation_failed', `${target.role} is a staff role: give no merchantId`);
    return null;
  }
  if (!merchantId) throw new AppError('validation_failed', `${target.role} is a merchant role: give merchantId`);
  assertMerchantInScope(principal, merchantId);
  return merchantId;
}

/** People may not change or remove themselves (no one demotes or deletes the account they act with). */
export function assertNotSelf(principal: Principal, userId: string): void {
  if (principal.userId === userId) throw new AppError('conflict', 'You cannot change or remove your own account');
}
