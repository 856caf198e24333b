import { verify, type KeyObject } from 'node:crypto';
import { AppError } from '@/lib/errors';
import { decodeStrictBase64 } from '../wechatpay/decode-strict-base64';
import { buildAlipaySignContent } from './build-alipay-sign-content';

// Only RSA2 (SHA256withRSA) is accepted: the older RSA sign_type is SHA-1.
export function verifyAlipaySignature(options: { params: URLSearchParams; alipayPublicKey: KeyObject }): void {
  const { params } = options;
  const signature = params.get('sign');
  const signType = params.get('sign_type');
  if (signature === null || signature === '') throw new AppError('bad_request', 'Alipay notification has no sign parameter');
  if (signType === null || signType === '') throw new AppError('bad_request', 'Alipay notification has no sign_type parameter');
  if (signType !== 'RSA2') {
    throw new AppError('signature_invalid', `Alipay sign_type "${signType.slice(0, 16)}" is not accepted; only RSA2 is`);
  }
  const signatureBytes = decodeStrictBase64(signature, 'Alipay sign parameter');
  const content = buildAlipaySignContent(params);
  if (!verify('sha256', Buffer.from(content, 'utf8'), options.alipayPublicKey, signatureBytes)) {
    throw new AppError('signature_invalid', 'Alipay sign does not match the notification parameters');
  }
}
