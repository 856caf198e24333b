// How WeChat Pay checks our requests: the Authorization header's mchid, serial_no, timestamp and signature over
// "METHOD\nURL\ntimestamp\nnonce\nbody\n" with the merchant certificate's public key.
import { verify, type KeyObject } from 'node:crypto';
import { buildWechatpayRequestMessage } from '@/server/providers/wechatpay/build-wechatpay-request-message';
import type { FakeRequest } from './fake-http-server';

const scheme = 'WECHATPAY2-SHA256-RSA2048 ';

/** Null when the request is signed by our merchant key; otherwise why not. */
export function verifyWechatpayRequest(
  request: FakeRequest,
  options: { mchid: string; merchantKeys: ReadonlyMap<string, KeyObject>; now: Date },
): string | null {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith(scheme)) return `Authorization does not start with ${scheme.trim()}`;
  const fields = new Map<string, string>();
  for (const match of header.slice(scheme.length).matchAll(/(\w+)="([^"]*)"/g)) fields.set(match[1], match[2]);
  const [mchid, nonce, signature, timestamp, serial] = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'].map((name) =>
    fields.get(name),
  );
  if (!mchid || !nonce || !signature || !timestamp || !serial)
    return 'Authorization lacks one of mchid, nonce_str, signature, timestamp, serial_no';
  if (mchid !== options.mchid) return `Authorization mchid ${mchid} is not this merchant`;
  if (!/^\d+$/.test(timestamp) || Math.abs(options.now.getTime() / 1000 - Number(timestamp)) > 300)
    return 'Authorization timestamp is not within 5 minutes';
  const key = options.merchantKeys.get(serial);
  if (key === undefined) return `serial_no ${serial} is not a certificate of this merchant`;
  const message = buildWechatpayRequestMessage({
    method: request.method,
    pathAndQuery: request.rawUrl,
    timestamp,
    nonce,
    body: request.body,
  });
  return verify('sha256', Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64'))
    ? null
    : 'signature does not match the request';
}
