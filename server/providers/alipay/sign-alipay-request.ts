import { sign, type KeyObject } from 'node:crypto';
import { buildAlipaySignContent } from './build-alipay-sign-content';

/** The `sign` of a gateway request: SHA256withRSA (RSA2) with our app key over every parameter, sign_type included. */
export function signAlipayRequest(options: { params: Record<string, string>; appPrivateKey: KeyObject }): string {
  const content = buildAlipaySignContent(Object.entries(options.params), { keepSignType: true });
  return sign('sha256', Buffer.from(content, 'utf8'), options.appPrivateKey).toString('base64');
}
