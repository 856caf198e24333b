import { getEnv, type Env } from '@/lib/env';
import { pickConfigured } from '../pick-configured';
import type { ProviderClient } from '../provider-client';
import { createAlipayClient } from './create-alipay-client';
import { loadAlipayPrivateKey } from './load-alipay-private-key';
import { loadAlipayPublicKey } from './load-alipay-public-key';

type AlipayEnv = Pick<Env, 'ALIPAY_APP_ID' | 'ALIPAY_PUBLIC_KEY' | 'ALIPAY_APP_PRIVATE_KEY' | 'ALIPAY_GATEWAY_URL' | 'PROVIDER_TIMEOUT_MS'>;

/**
 * The Alipay client of this deployment, or null when our own calls to Alipay are not configured (no app private
 * key; callbacks may still be). Half a configuration throws, naming what is missing.
 */
export function createAlipayClientFromEnv(env: AlipayEnv = getEnv()): ProviderClient | null {
  if (!env.ALIPAY_APP_PRIVATE_KEY) return null;
  const { values, missing } = pickConfigured({
    ALIPAY_APP_ID: env.ALIPAY_APP_ID,
    ALIPAY_PUBLIC_KEY: env.ALIPAY_PUBLIC_KEY,
    ALIPAY_APP_PRIVATE_KEY: env.ALIPAY_APP_PRIVATE_KEY,
  });
  if (values === null) throw new Error(`Alipay calls are half configured: set ${missing.join(', ')} as well`);
  return createAlipayClient({
    appId: values.ALIPAY_APP_ID,
    appPrivateKey: loadAlipayPrivateKey(values.ALIPAY_APP_PRIVATE_KEY),
    alipayPublicKey: loadAlipayPublicKey(values.ALIPAY_PUBLIC_KEY),
    gatewayUrl: env.ALIPAY_GATEWAY_URL,
    timeoutMs: env.PROVIDER_TIMEOUT_MS,
  });
}
