import type { Principal } from '@/lib/auth/principal';
import { assertMerchantInScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/server/audit/record-audit';
import { generateWebhookSecret } from './create-merchant';

type Rotate = { db: Db; merchantId: string; principal: Principal; overlapSeconds: number };

/**
 * A new signing secret; the ones before it keep signing beside it until the overlap ends, so the merchant
 * can switch its verifier without losing a webhook. The new secret is shown once; the rotation is audited.
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
    // The secret itself is never in the trail; when the ones before it stop signing is.
    await recordAudit(tx, {
      actor: principal,
      action: 'merchant.rotate_secret',
      subjectType: 'merchant',
      subjectId: merchantId,
      merchantId,
      after: { previousSecretsExpireAt: overlapEndsAt.toISOString() },
    });
    await notifyChanges(tx, [{ kind: 'merchant', id: merchantId, merchantId }]);
  });
  return { webhookSecret: secret, previousSecretsExpireAt: overlapEndsAt.toISOString() };
}
