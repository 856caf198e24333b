import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { createSandboxClient } from '@/server/sandbox/create-sandbox-client';
import { createAlipayClientFromEnv } from './alipay/create-alipay-client-from-env';
import type { ProviderClient } from './provider-client';
import type { ProviderName } from './provider-notification';
import { createWechatpayClientFromEnv } from './wechatpay/create-wechatpay-client-from-env';

type GetProviderClient = { db: Db; boss: PgBoss; provider: ProviderName };

const names: Record<ProviderName, string> = { wechatpay: 'WeChat Pay', alipay: 'Alipay', sandbox: 'The sandbox' };

// The real providers' clients are made once per process, from the environment (their keys are parsed once).
const fromEnv: Partial<Record<'wechatpay' | 'alipay', ProviderClient | null>> = {};

/**
 * The client that places, queries, closes and refunds orders at a provider: WeChat Pay and Alipay as configured in
 * the environment (WECHATPAY_* / ALIPAY_*), the sandbox always. A provider this gateway cannot call is our
 * configuration's fault, not the provider's: `unavailable` (503), raised before anything is stored.
 */
export function getProviderClient({ db, boss, provider }: GetProviderClient): ProviderClient {
  if (provider === 'sandbox') {
    if (!getEnv().SANDBOX_ENABLED)
      throw new AppError('unavailable', 'The sandbox provider is turned off on this gateway (SANDBOX_ENABLED=false)');
    return createSandboxClient({ db, boss });
  }
  if (!(provider in fromEnv)) fromEnv[provider] = provider === 'wechatpay' ? createWechatpayClientFromEnv() : createAlipayClientFromEnv();
  const client = fromEnv[provider];
  if (!client)
    throw new AppError('unavailable', `${names[provider]} orders cannot be placed: its client is not configured on this gateway`);
  return client;
}
