import type { Principal } from '@/lib/auth/principal';
import { assertMerchantInScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { toMerchantView } from './to-merchant-view';

export async function getMerchant({ db, id, principal }: { db: Db; id: string; principal: Principal | null }) {
  assertMerchantInScope(principal, id);
  const merchant = await db.merchant.findUnique({ where: { id } });
  if (!merchant) throw new AppError('not_found', `Merchant ${id} not found`);
  return toMerchantView(merchant);
}
