import type { Principal } from '@/lib/auth/principal';
import { assertMerchantInScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';

/** The merchant's row, if the principal may see it; another merchant's answers 404 as if it did not exist. */
export async function getMerchantRow({ db, id, principal }: { db: Db; id: string; principal: Principal | null }) {
  assertMerchantInScope(principal, id);
  const merchant = await db.merchant.findUnique({ where: { id } });
  if (!merchant) throw new AppError('not_found', `Merchant ${id} not found`);
  return merchant;
}
