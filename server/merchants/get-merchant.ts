import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { toMerchantView } from './to-merchant-view';

export async function getMerchant({ db, id, principal }: { db: Db; id: string; principal: Principal | null }) {
  // Another merchant's id answers exactly like a missing one, so keys cannot probe for merchants.
  if (principal?.kind === 'merchant' && principal.merchantId !== id) throw notFound(id);
  const merchant = await db.merchant.findUnique({ where: { id } });
  if (!merchant) throw notFound(id);
  return toMerchantView(merchant);
}

function notFound(id: string) {
  return new AppError('not_found', `Merchant ${id} not found`);
}
