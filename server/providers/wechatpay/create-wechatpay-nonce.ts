import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// WeChat nonces are alphanumeric. Bytes from 248 up are dropped so every character is equally likely (248 = 4 × 62).
export function createWechatpayNonce(length: number): string {
  let nonce = '';
  while (nonce.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && nonce.length < length) nonce += alphabet[byte % 62];
    }
  }
  return nonce;
}
