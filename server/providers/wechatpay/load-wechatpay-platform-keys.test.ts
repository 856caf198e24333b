import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { loadWechatpayPlatformKeys } from './load-wechatpay-platform-keys';

const pem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

test('loads several concatenated keys by serial, in order', () => {
  const [first, second] = [pem(), pem()];
  const keys = loadWechatpayPlatformKeys({ serials: 'AAA, BBB', pems: `${first}\n${second}` });
  assert.deepEqual([...keys.keys()], ['AAA', 'BBB']);
  assert.equal(keys.get('AAA')?.export({ type: 'spki', format: 'pem' }), first);
  assert.equal(keys.get('BBB')?.export({ type: 'spki', format: 'pem' }), second);
});

test('accepts PEMs whose newlines are escaped, as in one-line environment variables', () => {
  const keys = loadWechatpayPlatformKeys({ serials: 'AAA', pems: pem().replace(/\n/g, '\\n') });
  assert.equal(keys.size, 1);
});

test('refuses a count mismatch with a clear message', () => {
  assert.throws(() => loadWechatpayPlatformKeys({ serials: 'AAA,BBB', pems: pem() }), {
    message: /2 serial\(s\) but 1 PEM public key\(s\)/,
  });
});

test('refuses an empty serial list and a repeated serial', () => {
  assert.throws(() => loadWechatpayPlatformKeys({ serials: ' ', pems: '' }), { message: /serial list is empty/ });
  assert.throws(() => loadWechatpayPlatformKeys({ serials: 'AAA,AAA', pems: pem() + pem() }), { message: /listed twice/ });
});
