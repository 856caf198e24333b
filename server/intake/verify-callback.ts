import type { Db } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { loadAlipayPublicKey } from '@/server/providers/alipay/load-alipay-public-key';
import { parseAlipayCallback } from '@/server/providers/alipay/parse-alipay-callback';
import type { ProviderName, ProviderNotification } from '@/server/providers/provider-notification';
import { loadWechatpayPlatformKeys } from '@/server/providers/wechatpay/load-wechatpay-platform-keys';
import { parseWechatpayCallback } from '@/server/providers/wechatpay/parse-wechatpay-callback';
import { getSandboxKeys, sandboxMchid } from '@/server/sandbox/sandbox-keys';

type Verify = { db: Db; provider: ProviderName; rawBody: string; headers: Headers; now?: Date };

let wechatKeys: ReturnType<typeof loadWechatpayPlatformKeys> | undefined;
let alipayKey: ReturnType<typeof loadAlipayPublicKey> | undefined;

/** Proves a callback came from its provider and turns it into our normalized notification. */
export async function verifyCallback({ db, provider, rawBody, headers, now }: Verify): Promise<ProviderNotification> {
  const env = getEnv();
  if (provider === 'sandbox') {
    const keys = await getSandboxKeys(db);
    return parseWechatpayCallback({ rawBody, headers, now, ...keys, mchid: sandboxMchid, provider: 'sandbox' });
  }
  if (provider === 'wechatpay') {
    const { WECHATPAY_PLATFORM_SERIAL: serials, WECHATPAY_PLATFORM_PUBLIC_KEY: pems, WECHATPAY_APIV3_KEY: apiV3Key } = env;
    if (!serials || !pems || !apiV3Key) throw new AppError('unavailable', 'WeChat Pay is not configured on this gateway');
    wechatKeys ??= loadWechatpayPlatformKeys({ serials, pems });
    return parseWechatpayCallback({ rawBody, headers, now, platformKeys: wechatKeys, apiV3Key, mchid: env.WECHATPAY_MCHID });
  }
  if (!env.ALIPAY_PUBLIC_KEY) throw new AppError('unavailable', 'Alipay is not configured on this gateway');
  alipayKey ??= loadAlipayPublicKey(env.ALIPAY_PUBLIC_KEY);
  return parseAlipayCallback({ rawBody, alipayPublicKey: alipayKey, appId: env.ALIPAY_APP_ID, now });
}
