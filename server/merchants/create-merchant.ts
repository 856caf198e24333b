import { randomBytes } from 'node:crypto';
import { hashApiKey } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { getEnv } from '@/lib/env';
import { checkNotifyUrl } from '@/server/deliveries/notify-url-policy';
import { toMerchantView } from './to-merchant-view';

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** A new merchant API key with what is stored of it: the hash to find it by and a prefix to recognise it by. */
export function generateApiKey() {
  const apiKey = `mk_${randomBytes(24).toString('base64url')}`;
  return { apiKey, apiKeyHash: hashApiKey(apiKey), apiKeyPrefix: apiKey.slice(0, 7) };
}

/** Creates a merchant with its first signing secret and API key; both are returned only here. */
type CreateMerchant = { db: Db; name: string; notifyUrl: string; feeRatePpm?: number };

export async function createMerchant({ db, name, notifyUrl, feeRatePpm }: CreateMerchant) {
  const env = getEnv();
  await checkNotifyUrl(notifyUrl, env.NOTIFY_URL_ALLOWLIST);
  const { apiKey, apiKeyHash, apiKeyPrefix } = generateApiKey();
  const webhookSecret = generateWebhookSecret();
  const merchant = await db.$transaction(async (tx) => {
    const created = await tx.merchant.create({
      data: {
        name,
        notifyUrl,
        apiKeyHash,
        apiKeyPrefix,
        feeRatePpm: feeRatePpm ?? env.DEFAULT_FEE_RATE_PPM,
        secrets: { create: { secret: webhookSecret } },
      },
    });
    await notifyChanges(tx, [{ kind: 'merchant', id: created.id, merchantId: created.id }]);
    return created;
  });
  return { ...toMerchantView(merchant), webhookSecret, apiKey };
}
