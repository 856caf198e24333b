import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { getMerchantRow } from './get-merchant-row';
import { toMerchantView } from './to-merchant-view';

export async function getMerchant(input: { db: Db; id: string; principal: Principal | null }) {
  return toMerchantView(await getMerchantRow(input));
}
