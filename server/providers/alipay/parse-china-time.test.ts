import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseChinaTime } from './parse-china-time';

test('reads Alipay times as UTC+8, with or without milliseconds', () => {
  assert.deepEqual(parseChinaTime('2024-05-01 12:00:00', 'gmt_payment'), new Date('2024-05-01T04:00:00Z'));
  assert.deepEqual(parseChinaTime('2024-01-01 03:04:05.32', 'gmt_refund'), new Date('2023-12-31T19:04:05.320Z'));
});

test('refuses malformed and impossible times', () => {
  for (const value of ['2024-02-30 10:00:00', '2024-13-01 10:00:00', '2024-05-01 24:00:00', '2024-05-01T12:00:00', '']) {
    assert.throws(() => parseChinaTime(value, 'gmt_payment'), { code: 'validation_failed', message: /gmt_payment ".*" is not a time/ });
  }
});
