import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { signWechatpayBody } from './sign-wechatpay-body';
import { verifyWechatpaySignature } from './verify-wechatpay-signature';

const current = generateKeyPairSync('rsa', { modulusLength: 2048 });
const next = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platformKeys = new Map([
  ['SERIAL_CURRENT', current.publicKey],
  ['SERIAL_NEXT', next.publicKey],
]);
const now = new Date('2024-05-01T04:00:00Z');
const rawBody = '{"id":"EV-1","event_type":"TRANSACTION.SUCCESS","summary":"支付成功"}';

function signed(overrides: { body?: string; privateKey?: typeof current.privateKey; serial?: string; at?: Date } = {}) {
  return new Headers(
    signWechatpayBody({
      rawBody: overrides.body ?? rawBody,
      privateKey: overrides.privateKey ?? current.privateKey,
      serial: overrides.serial ?? 'SERIAL_CURRENT',
      now: overrides.at ?? now,
    }),
  );
}

const check = (headers: Headers, body = rawBody, at = now) => verifyWechatpaySignature({ rawBody: body, headers, platformKeys, now: at });

test('accepts a correct signature, whichever case the headers arrive in', () => {
  // The names as WeChat writes them, all lower (HTTP/2, proxies), all upper and mixed: each must be read, so each
  // accepts the genuine body and refuses a changed one (a verifier that missed a header would refuse both alike).
  const cases = [
    (name: string) => name,
    (name: string) => name.toLowerCase(),
    (name: string) => name.toUpperCase(),
    (name: string) => [...name].map((c, i) => (i % 2 ? c.toLowerCase() : c.toUpperCase())).join(''),
  ];
  const original = signWechatpayBody({ rawBody, privateKey: current.privateKey, serial: 'SERIAL_CURRENT', now });
  for (const name of ['Wechatpay-Signature', 'Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Serial'])
    assert.ok(name in original, name);
  for (const rename of cases) {
    const pairs = Object.entries(original).map(([name, value]): [string, string] => [rename(name), value]);
    const headers = new Headers(pairs);
    assert.doesNotThrow(() => check(headers), `refused with header names ${pairs.map(([name]) => name).join(', ')}`);
    assert.throws(() => check(headers, rawBody.replace('EV-1', 'EV-2')), { code: 'signature_invalid' });
  }
});

test('accepts both platform keys during rotation, chosen by serial', () => {
  check(signed());
  check(signed({ privateKey: next.privateKey, serial: 'SERIAL_NEXT' }));
});

test('refuses a signature made with the wrong key', () => {
  const headers = signed({ privateKey: next.privateKey, serial: 'SERIAL_CURRENT' });
  assert.throws(() => check(headers), { code: 'signature_invalid', message: /does not match the body for platform key SERIAL_CURRENT/ });
});

test('refuses an unknown serial', () => {
  assert.throws(() => check(signed({ serial: 'SERIAL_OLD' })), { code: 'signature_invalid', message: /"SERIAL_OLD" is not a known/ });
});

test('refuses a body with one byte changed', () => {
  const tampered = rawBody.replace('EV-1', 'EV-2');
  assert.throws(() => check(signed(), tampered), { code: 'signature_invalid', message: /does not match/ });
});

test('refuses stale timestamps in both directions and accepts one just within 300 s', () => {
  const signedAt = signed();
  assert.throws(() => check(signedAt, rawBody, new Date(now.getTime() + 301_000)), {
    code: 'signature_invalid',
    message: /is 301 s in the past; at most 300 s allowed/,
  });
  assert.throws(() => check(signedAt, rawBody, new Date(now.getTime() - 412_000)), {
    code: 'signature_invalid',
    message: /is 412 s in the future; at most 300 s allowed/,
  });
  check(signedAt, rawBody, new Date(now.getTime() + 300_000));
  check(signedAt, rawBody, new Date(now.getTime() - 300_000));
});

test('refuses a timestamp that is not Unix seconds', () => {
  const headers = signed();
  headers.set('Wechatpay-Timestamp', '2024-05-01');
  assert.throws(() => check(headers), { code: 'bad_request', message: /Wechatpay-Timestamp "2024-05-01" is not a Unix time/ });
});

test('refuses WECHATPAY/SIGNTEST/ probes', () => {
  const headers = signed();
  headers.set('Wechatpay-Signature', `WECHATPAY/SIGNTEST/${headers.get('Wechatpay-Signature')}`);
  assert.throws(() => check(headers), { code: 'signature_invalid', message: /SIGNTEST.*probe/ });
});

test('refuses a signature that is not base64', () => {
  const headers = signed();
  headers.set('Wechatpay-Signature', 'not*base64!');
  assert.throws(() => check(headers), { code: 'bad_request', message: /Wechatpay-Signature is not valid base64/ });
});

for (const name of ['Wechatpay-Signature', 'Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Serial']) {
  test(`refuses a callback without ${name}`, () => {
    const headers = signed();
    headers.delete(name);
    assert.throws(() => check(headers), { code: 'bad_request', message: new RegExp(`Missing ${name} header`) });
    headers.set(name, '  ');
    assert.throws(() => check(headers), { code: 'bad_request', message: new RegExp(`Missing ${name} header`) });
  });
}
