import { createPrivateKey, type KeyObject } from 'node:crypto';

// Alipay's key tool hands out the app key as bare base64 (PKCS#8 for Java, PKCS#1 otherwise); configuration may also
// hold a PEM of either kind.
export function loadAlipayPrivateKey(value: string): KeyObject {
  const text = value.replace(/\\n/g, '\n').trim();
  if (text.startsWith('-----BEGIN')) return createPrivateKey(text);
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
  }
}
