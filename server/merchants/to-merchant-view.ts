import type { Merchant } from '@/generated/prisma/client';

/** The merchant as the API shows it: never its secrets. */
export function toMerchantView(merchant: Merchant) {
  return {
    id: merchant.id,
    name: merchant.name,
    notifyUrl: merchant.notifyUrl,
    status: merchant.status,
    apiKeyPrefix: merchant.apiKeyPrefix,
    endpointDisabledAt: merchant.endpointDisabledAt?.toISOString() ?? null,
    endpointDisabledReason: merchant.endpointDisabledReason,
    feeRatePpm: merchant.feeRatePpm,
    createdAt: merchant.createdAt.toISOString(),
  };
}
