import { createCipheriv } from 'node:crypto';
import { createWechatpayNonce } from './create-wechatpay-nonce';
import { toWechatpayApiV3KeyBytes } from './wechatpay-apiv3-key';

// The inverse of decryptWechatpayResource, for the sandbox provider, tests and benchmarks.
export function encryptWechatpayResource(options: {
  plaintext: string;
  apiV3Key: string | Buffer;
  associatedData: string;
  nonce?: string;
}): { ciphertext: string; nonce: string; associated_data: string } {
  const nonce = options.nonce ?? createWechatpayNonce(12);
  const cipher = createCipheriv('aes-256-gcm', toWechatpayApiV3KeyBytes(options.apiV3Key), Buffer.from(nonce, 'utf8'), {
    authTagLength: 16,
  });
  cipher.setAAD(Buffer.from(options.associatedData, 'utf8'));
  const sealed = Buffer.concat([cipher.update(options.plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { ciphertext: sealed.toString('base64'), nonce, associated_data: options.associatedData };
}
