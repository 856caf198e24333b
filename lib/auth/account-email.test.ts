import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accountEmail } from './account-email';

describe('accountEmail', () => {
  test('an address whose domain has no dot is kept under .localdomain, so better-auth signs it in', () => {
    assert.equal(accountEmail('Admin@LocalHost '), 'admin@localhost.localdomain');
  });

  test('every other address is only lowercased', () => {
    assert.equal(accountEmail('Ops@Example.COM'), 'ops@example.com');
    assert.equal(accountEmail('admin@localhost.localdomain'), 'admin@localhost.localdomain');
    assert.equal(accountEmail('not an address'), 'not an address');
  });
});
