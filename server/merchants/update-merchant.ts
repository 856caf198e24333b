import type { Principal } from '@/lib/auth/principal';
import { assertMerchantInScope } from '@/lib/auth/merchant-scope';
import type { Db, Tx } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/server/audit/record-audit';
import { describeTestFailure, sendTestWebhook } from './send-test-webhook';
import { toMerchantView } from './to-merchant-view';

const auditedFields = ['name', 'notifyUrl', 'feeRatePpm'] as const;

async function lockMerchant(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ name: string; notifyUrl: string; feeRatePpm: number }[]>`
    SELECT name, notify_url AS "notifyUrl", fee_rate_ppm AS "feeRatePpm" FROM merchant WHERE id = ${id}::uuid FOR UPDATE`;
  if (!row) throw new AppError('not_found', `Merchant ${id} not found`);
  return row;
}

type UpdateMerchant = {
  db: Db;
  id: string;
  principal: Principal;
  changes: { name?: string; notifyUrl?: string; feeRatePpm?: number };
};

/**
 * A new notifyUrl is checked like a first one (private addresses refused) and must acknowledge a signed test webhook
 * before it is saved (else 422 `notify_url_test_failed` with what it answered, and nothing changes); it gives a
 * disabled endpoint a fresh start. The fields that changed are audited, before → after.
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
    const before = await lockMerchant(tx, id);
    const updated = await tx.merchant.update({
      where: { id },
      data: {
        ...changes,
        ...(changes.notifyUrl ? { endpointDisabledAt: null, endpointDisabledReason: null, endpointFailingSince: null } : {}),
      },
    });
    const changed = auditedFields.filter((field) => changes[field] !== undefined && before[field] !== updated[field]);
    if (changed.length > 0) {
      await recordAudit(tx, {
        actor: principal,
        action: 'merchant.update',
        subjectType: 'merchant',
        subjectId: id,
        merchantId: id,
        before: Object.fromEntries(changed.map((field) => [field, before[field]])),
        after: Object.fromEntries(changed.map((field) => [field, updated[field]])),
      });
    }
    await notifyChanges(tx, [{ kind: 'merchant', id, merchantId: id }]);
  });
  return toMerchantView(await db.merchant.findUniqueOrThrow({ where: { id } }));
}
