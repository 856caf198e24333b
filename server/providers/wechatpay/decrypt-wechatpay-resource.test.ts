import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decryptWechatpayResource } from './decrypt-wechatpay-resource';
import { encryptWechatpayResource } from './encrypt-wechatpay-resource';

const apiV3Key = 'abcdefghijklmnopqrstuvwxyz012345';
const plaintext = '{"out_trade_no":"T-1","amount":{"total":100}}';

test('round-trips with associated data, and with an empty one', () => {
  for (const associatedData of ['transaction', '']) {
    const resource = encryptWechatpayResource({ plaintext, apiV3Key, associatedData });
    assert.equal(resource.nonce.length, 12);
    assert.equal(decryptWechatpayResource({ resource, apiV3Key }), plaintext);
  }
});

test('decrypts what WebCrypto seals, which appends the 16-byte tag as WeChat Pay does', async () => {
  const key = await crypto.subtle.importKey('raw', Buffer.from(apiV3Key), 'AES-GCM', false, ['encrypt']);
  const nonce = '0123456789ab';
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: Buffer.from(nonce), additionalData: Buffer.from('refund'), tagLength: 128 },
    key,
    Buffer.from(plaintext),
  );
  const resource = { ciphertext: Buffer.from(sealed).toString('base64'), nonce, associated_data: 'refund' };
  assert.equal(decryptWechatpayResource({ resource, apiV3Key }), plaintext);
});

test('refuses the wrong associated data', () => {
  const resource = encryptWechatpayResource({ plaintext, apiV3Key, associatedData: 'transaction' });
  assert.throws(() => decryptWechatpayResource({ resource: { ...resource, associated_data: 'refund' }, apiV3Key }), {
    code: 'signature_invalid',
    message: /failed AES-GCM authentication/,
  });
});

test('refuses a tampered ciphertext and the wrong key', () => {
  const resource = encryptWechatpayResource({ plaintext, apiV3Key, associatedData: 'transaction' });
  const bytes = Buffer.from(resource.ciphertext, 'base64');
  bytes[3] ^= 1;
  assert.throws(() => decryptWechatpayResource({ resource: { ...resource, ciphertext: bytes.toString('base64') }, apiV3Key }), {
    code: 'signature_invalid',
  });
  assert.throws(() => decryptWechatpayResource({ resource, apiV3Key: apiV3Key.replace('a', 'b') }), { code: 'signature_invalid' });
});

test('refuses ciphertext that is not base64 or too short to carry a tag', () => {
  assert.throws(() => decryptWechatpayResource({ resource: { ciphertext: '%%%', nonce: 'n' }, apiV3Key }), {
    code: 'bad_request',
    message: /resource.ciphertext is not valid base64/,
  });
  assert.throws(() => decryptWechatpayResource({ resource: { ciphertext: 'AAAA', nonce: 'n' }, apiV3Key }), {
    code: 'bad_request',
    message: /too short/,
  });
});

test('refuses an APIv3 key that is not 32 bytes as a configuration error', () => {
  const resource = encryptWechatpayResource({ plaintext, apiV3Key, associatedData: '' });
  assert.throws(() => decryptWechatpayResource({ resource, apiV3Key: 'short' }), { message: /must be 32 bytes, got 5/ });
});
