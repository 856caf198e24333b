import { sign, type KeyObject } from 'node:crypto';
import { buildAlipaySignContent } from './build-alipay-sign-content';

// Produces a form body as Alipay would post it, for tests, benchmarks and a local fake Alipay.
export function signAlipayCallback(options: { params: Record<string, string>; privateKey: KeyObject }): string {
  const params = { sign_type: 'RSA2', ...options.params };
  const content = buildAlipaySignContent(Object.entries(params));
  const signature = sign('sha256', Buffer.from(content, 'utf8'), options.privateKey).toString('base64');
  return new URLSearchParams({ ...params, sign: signature }).toString();
}
