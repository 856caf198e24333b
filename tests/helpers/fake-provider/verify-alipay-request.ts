// How the Alipay gateway checks our requests: common parameters, our app_id, RSA2 over every parameter but sign
// (sign_type included) with the app's public key, and a timestamp within 15 minutes.
import { verify, type KeyObject } from 'node:crypto';
import { buildAlipaySignContent } from '@/server/providers/alipay/build-alipay-sign-content';
import { parseChinaTime } from '@/server/providers/alipay/parse-china-time';

/** Null when the request is ours and signed; otherwise why not. */
export function verifyAlipayRequest(
  params: URLSearchParams,
  options: { appId: string; appPublicKey: KeyObject; now: Date },
): string | null {
  for (const name of ['app_id', 'method', 'charset', 'sign_type', 'sign', 'timestamp', 'version']) {
    if (!params.get(name)) return `missing ${name}`;
  }
  if (params.get('app_id') !== options.appId) return `app_id ${params.get('app_id')} is not this app`;
  if (params.get('sign_type') !== 'RSA2') return 'sign_type must be RSA2';
  if (params.get('charset')!.toLowerCase() !== 'utf-8') return 'charset must be utf-8';
  let sentAt: Date;
  try {
    sentAt = parseChinaTime(params.get('timestamp')!, 'timestamp');
  } catch {
    return 'timestamp is not yyyy-MM-dd HH:mm:ss';
  }
  if (Math.abs(options.now.getTime() - sentAt.getTime()) > 15 * 60_000) return 'timestamp is not within 15 minutes';
  const content = buildAlipaySignContent(params, { keepSignType: true });
  return verify('sha256', Buffer.from(content, 'utf8'), options.appPublicKey, Buffer.from(params.get('sign')!, 'base64'))
    ? null
    : 'sign does not match the parameters';
}
