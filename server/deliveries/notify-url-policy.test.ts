import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkNotifyUrl, isAllowedAddress } from './notify-url-policy';

test('private, loopback, link-local, metadata and reserved addresses are refused', () => {
  for (const address of [
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fd00:ec2::254',
    'fe80::1',
    '::ffff:10.0.0.1',
    '224.0.0.1',
  ]) {
    assert.equal(isAllowedAddress(address, []), false, address);
  }
  assert.equal(isAllowedAddress('203.0.113.9', []), false, 'documentation range');
  assert.equal(isAllowedAddress('8.8.8.8', []), true);
  assert.equal(isAllowedAddress('2606:4700::1111', []), true);
});

test('the allowlist lets named addresses and hosts through', async () => {
  assert.equal(isAllowedAddress('127.0.0.1', ['127.0.0.1']), true);
  await checkNotifyUrl('http://localhost:3100/healthy', ['localhost']);
  await checkNotifyUrl('http://127.0.0.1:3100/healthy', ['127.0.0.1']);
});

test('notify URLs are refused with a clear reason', async () => {
  const refused = async (url: string, pattern: RegExp) => {
    await assert.rejects(checkNotifyUrl(url, []), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'validation_failed');
      assert.match(error.message, pattern);
      return true;
    });
  };
  await refused('http://127.0.0.1/notify', /private or reserved/);
  await refused('http://localhost/notify', /private or reserved/);
  await refused('http://169.254.169.254/latest/meta-data', /private or reserved/);
  await refused('http://[::1]:8080/n', /private or reserved/);
  await refused('http://10.0.0.5/n', /private or reserved/);
  await refused('ftp://example.com/n', /http\(s\)/);
  await refused('http://user:pw@127.0.0.1/n', /credentials/);
  await refused('http://no-such-host.invalid/n', /does not resolve/);
});
