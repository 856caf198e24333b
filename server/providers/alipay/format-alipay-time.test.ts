import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAlipayTime } from './format-alipay-time';
import { parseChinaTime } from './parse-china-time';

test('formats an instant as China time, across the day boundary, and parses back to it', () => {
  assert.equal(formatAlipayTime(new Date('2026-01-31T16:30:05.999Z')), '2026-02-01 00:30:05');
  assert.equal(formatAlipayTime(new Date('2026-07-01T03:04:05Z')), '2026-07-01 11:04:05');
  assert.equal(parseChinaTime(formatAlipayTime(new Date('2026-07-01T03:04:05Z')), 'timestamp').toISOString(), '2026-07-01T03:04:05.000Z');
});
