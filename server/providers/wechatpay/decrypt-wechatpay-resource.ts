import { createDecipheriv } from 'node:crypto';
import { AppError } from '@/lib/errors';
import { decodeStrictBase64 } from './decode-strict-base64';
import { toWechatpayApiV3KeyBytes } from './wechatpay-apiv3-key';

const tagLength = 16;

export type WechatpayEncryptedResource = { ciphertext: string; nonce: string; associated_data?: string };

// AEAD_AES_256_GCM as WeChat Pay uses it: the nonce string is the IV, the tag is the ciphertext's last 16 bytes.
export function decryptWechatpayResource(options: { resource: WechatpayEncryptedResource; apiV3Key: string | Buffer }): string {
  const { resource } = options;
  const key = toWechatpayApiV3KeyBytes(options.apiV3Key);
  const sealed = decodeStrictBase64(resource.ciphertext, 'resource.ciphertext');
  if (sealed.length <= tagLength) {
    throw new AppError('bad_request', `resource.ciphertext is ${sealed.length} bytes; too short to hold a 16-byte GCM tag`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'), { authTagLength: tagLength });
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - tagLength));
  const body = decipher.update(sealed.subarray(0, sealed.length - tagLength));
  try {
    return Buffer.concat([body, decipher.final()]).toString('utf8');
  } catch {
    throw new AppError(
      'signature_invalid',
      'resource failed AES-GCM authentication (wrong APIv3 key, associated_data or nonce, or tampered ciphertext)',
    );
  }
}
