import type { Principal } from '@/lib/auth/principal';
import { assertMerchantInScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/server/audit/record-audit';
import { generateApiKey } from './create-merchant';

type RegenerateApiKey = { db: Db; merchantId: string; principal: Principal };

/**
 * Replaces the merchant's API key. Only its hash is stored and it replaces the old hash in one statement, so the old
 * key stops working with the commit (no overlap: a key is regenerated because it may have leaked). Shown once.
 */
export async function regenerateApiKey({ db, merchantId, principal }: RegenerateApiKey) {
  assertMerchantInScope(principal, merchantId);
  const { apiKey, apiKeyHash, apiKeyPrefix } = generateApiKey();
  await db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ apiKeyPrefix: string }[]>`
      SELECT api_key_prefix AS "apiKeyPrefix" FROM merchant WHERE id = ${merchantId}::uuid FOR UPDATE`;
    if (!before) throw new AppError('not_found', `Merchant ${merchantId} not found`);
    await tx.merchant.update({ where: { id: merchantId }, data: { apiKeyHash, apiKeyPrefix } });
    // Prefixes only: enough to tell the keys apart, never enough to use one.
    await recordAudit(tx, {
      actor: principal,
      action: 'merchant.regenerate_api_key',
      subjectType: 'merchant',
      subjectId: merchantId,
      merchantId,
      before: { apiKeyPrefix: before.apiKeyPrefix },
      after: { apiKeyPrefix },
    });
    await notifyChanges(tx, [{ kind: 'merchant', id: merchantId, merchantId }]);
  });
  return { apiKey, apiKeyPrefix };
}
