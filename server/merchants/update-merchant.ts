import type { Principal } from '@/lib/auth/principal';
import { assertMerchantInScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { AppError } from '@/lib/errors';
import { describeTestFailure, sendTestWebhook } from './send-test-webhook';
import { toMerchantView } from './to-merchant-view';

type UpdateMerchant = {
  db: Db;
  id: string;
  principal: Principal | null;
  changes: { name?: string; notifyUrl?: string; feeRatePpm?: number };
};

/**
 * A new notifyUrl is checked like a first one (private addresses refused) and must acknowledge a signed test webhook
 * before it is saved (else 422 `notify_url_test_failed` with what it answered, and nothing changes); it gives a
 * disabled endpoint a fresh start.
 */
export async function updateMerchant({ db, id, principal, changes }: UpdateMerchant) {
  assertMerchantInScope(principal, id);
  // A merchant sets its own endpoint, never its own price.
  if (changes.feeRatePpm !== undefined && principal?.kind === 'merchant') {
    throw new AppError('forbidden', 'feeRatePpm is set by staff only');
  }
  if (changes.notifyUrl) {
    const test = await sendTestWebhook({ db, merchantId: id, principal, url: changes.notifyUrl });
    if (!test.ok) throw new AppError('notify_url_test_failed', `${describeTestFailure(test)}; the notifyUrl was not changed`, { test });
  }
  await db.$transaction(async (tx) => {
    const updated = await tx.merchant.updateMany({
      where: { id },
      data: {
        ...changes,
        ...(changes.notifyUrl ? { endpointDisabledAt: null, endpointDisabledReason: null, endpointFailingSince: null } : {}),
      },
    });
    if (updated.count === 0) throw new AppError('not_found', `Merchant ${id} not found`);
    await notifyChanges(tx, [{ kind: 'merchant', id, merchantId: id }]);
  });
  return toMerchantView(await db.merchant.findUniqueOrThrow({ where: { id } }));
}
