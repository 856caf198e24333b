import { sign, type KeyObject } from 'node:crypto';
import { buildWechatpayRequestMessage } from './build-wechatpay-request-message';
import { createWechatpayNonce } from './create-wechatpay-nonce';

export const wechatpayAuthorizationScheme = 'WECHATPAY2-SHA256-RSA2048';

/** The Authorization header of one WeChat Pay v3 request, signed SHA256withRSA with our merchant key. */
export function buildWechatpayAuthorization(options: {
  method: string;
  pathAndQuery: string;
  body: string;
  mchid: string;
  merchantSerial: string;
  merchantPrivateKey: KeyObject;
  now: Date;
  nonce?: string;
}): string {
  const timestamp = String(Math.floor(options.now.getTime() / 1000));
  const nonce = options.nonce ?? createWechatpayNonce(32);
  const message = buildWechatpayRequestMessage({
    method: options.method,
    pathAndQuery: options.pathAndQuery,
    timestamp,
    nonce,
    body: options.body,
  });
  const signature = sign('sha256', Buffer.from(message, 'utf8'), options.merchantPrivateKey).toString('base64');
  return `${wechatpayAuthorizationScheme} mchid="${options.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${options.merchantSerial}"`;
}
