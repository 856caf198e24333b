import { createPublicKey, type KeyObject } from 'node:crypto';

// Alipay's console hands out the public key as bare base64 (SPKI DER); configuration may hold either that or a PEM.
export function loadAlipayPublicKey(value: string): KeyObject {
  const text = value.replace(/\\n/g, '\n').trim();
  if (text.startsWith('-----BEGIN')) return createPublicKey(text);
  return createPublicKey({ key: Buffer.from(text.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'spki' });
}
