import type { Principal } from '@/lib/auth/principal';
import { assertMerchantInScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { AppError } from '@/lib/errors';
import { generateWebhookSecret } from './create-merchant';

type Rotate = { db: Db; merchantId: string; principal: Principal | null; overlapSeconds: number };

/**
 * A new signing secret; the ones before it keep signing beside it until the overlap ends, so the merchant
 * can switch its verifier without losing a webhook. The new secret is shown once.
 */
export async function rotateWebhookSecret({ db, merchantId, principal, overlapSeconds }: Rotate) {
  assertMerchantInScope(principal, merchantId);
  const secret = generateWebhookSecret();
  const overlapEndsAt = new Date(Date.now() + overlapSeconds * 1000);
  await db.$transaction(async (tx) => {
    const merchant = await tx.merchant.findUnique({ where: { id: merchantId }, select: { id: true } });
    if (!merchant) throw new AppError('not_found', `Merchant ${merchantId} not found`);
    await tx.webhookSecret.updateMany({
      where: { merchantId, OR: [{ expiresAt: null }, { expiresAt: { gt: overlapEndsAt } }] },
      data: { expiresAt: overlapEndsAt },
    });
    await tx.webhookSecret.create({ data: { merchantId, secret } });
    await notifyChanges(tx, [{ kind: 'merchant', id: merchantId, merchantId }]);
  });
  return { webhookSecret: secret, previousSecretsExpireAt: overlapEndsAt.toISOString() };
}
