import { createPrivateKey } from 'node:crypto';
import { getEnv, type Env } from '@/lib/env';
import { pickConfigured } from '../pick-configured';
import type { ProviderClient } from '../provider-client';
import { createWechatpayClient } from './create-wechatpay-client';
import { loadWechatpayPlatformKeys } from './load-wechatpay-platform-keys';

type WechatpayEnv = Pick<
  Env,
  | 'WECHATPAY_MCHID'
  | 'WECHATPAY_APPID'
  | 'WECHATPAY_PLATFORM_SERIAL'
  | 'WECHATPAY_PLATFORM_PUBLIC_KEY'
  | 'WECHATPAY_MERCHANT_SERIAL'
  | 'WECHATPAY_MERCHANT_PRIVATE_KEY'
  | 'WECHATPAY_BASE_URL'
  | 'PROVIDER_TIMEOUT_MS'
>;

/**
 * The WeChat Pay client of this deployment, or null when our own calls to WeChat Pay are not configured (callbacks
 * may still be). Half a configuration is a mistake worth stopping for, so it throws naming what is missing.
 */
export function createWechatpayClientFromEnv(env: WechatpayEnv = getEnv()): ProviderClient | null {
  if (!env.WECHATPAY_APPID && !env.WECHATPAY_MERCHANT_SERIAL && !env.WECHATPAY_MERCHANT_PRIVATE_KEY) return null;
  const { values, missing } = pickConfigured({
    WECHATPAY_MCHID: env.WECHATPAY_MCHID,
    WECHATPAY_APPID: env.WECHATPAY_APPID,
    WECHATPAY_PLATFORM_SERIAL: env.WECHATPAY_PLATFORM_SERIAL,
    WECHATPAY_PLATFORM_PUBLIC_KEY: env.WECHATPAY_PLATFORM_PUBLIC_KEY,
    WECHATPAY_MERCHANT_SERIAL: env.WECHATPAY_MERCHANT_SERIAL,
    WECHATPAY_MERCHANT_PRIVATE_KEY: env.WECHATPAY_MERCHANT_PRIVATE_KEY,
  });
  if (values === null) throw new Error(`WeChat Pay calls are half configured: set ${missing.join(', ')} as well`);
  return createWechatpayClient({
    mchid: values.WECHATPAY_MCHID,
    appid: values.WECHATPAY_APPID,
    merchantSerial: values.WECHATPAY_MERCHANT_SERIAL,
    merchantPrivateKey: createPrivateKey(values.WECHATPAY_MERCHANT_PRIVATE_KEY.replace(/\\n/g, '\n')),
    platformKeys: loadWechatpayPlatformKeys({ serials: values.WECHATPAY_PLATFORM_SERIAL, pems: values.WECHATPAY_PLATFORM_PUBLIC_KEY }),
    baseUrl: env.WECHATPAY_BASE_URL,
    timeoutMs: env.PROVIDER_TIMEOUT_MS,
  });
}
