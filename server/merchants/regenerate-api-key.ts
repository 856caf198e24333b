import type { Principal } from '@/lib/auth/principal';
import { assertMerchantInScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { AppError } from '@/lib/errors';
import { generateApiKey } from './create-merchant';

type RegenerateApiKey = { db: Db; merchantId: string; principal: Principal | null };

/**
 * Replaces the merchant's API key. Only its hash is stored and it replaces the old hash in one statement, so the old
 * key stops working with the commit (no overlap: a key is regenerated because it may have leaked). Shown once.
 */
export async function regenerateApiKey({ db, merchantId, principal }: RegenerateApiKey) {
  assertMerchantInScope(principal, merchantId);
  const { apiKey, apiKeyHash, apiKeyPrefix } = generateApiKey();
  await db.$transaction(async (tx) => {
    const updated = await tx.merchant.updateMany({ where: { id: merchantId }, data: { apiKeyHash, apiKeyPrefix } });
    if (updated.count === 0) throw new AppError('not_found', `Merchant ${merchantId} not found`);
    await notifyChanges(tx, [{ kind: 'merchant', id: merchantId, merchantId }]);
  });
  return { apiKey, apiKeyPrefix };
}
