import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { loadAlipayPublicKey } from './load-alipay-public-key';

test('loads the Alipay public key from a PEM or from the bare base64 the Alipay console shows', () => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const bare = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  assert.ok(loadAlipayPublicKey(pem).equals(publicKey));
  assert.ok(loadAlipayPublicKey(pem.replace(/\n/g, '\\n')).equals(publicKey));
  assert.ok(loadAlipayPublicKey(bare).equals(publicKey));
});
