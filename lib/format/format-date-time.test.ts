import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays } from './add-days';
import { businessDate } from './business-date';
import { formatDateTime, formatExactInstant, formatZoneOffset } from './format-date-time';
import { formatTimeTick } from './format-time-tick';
import { zonedTimeToInstant } from './zoned-time-to-instant';

const shanghai = 'Asia/Shanghai';

test('times are shown on the Shanghai clock, whatever the machine’s zone', () => {
  assert.equal(formatDateTime('2026-03-01T06:05:09.123Z', shanghai), '2026-03-01 14:05:09');
  assert.equal(formatDateTime('2026-03-01T06:05:09.123Z', shanghai, 'minute'), '2026-03-01 14:05');
  assert.equal(formatDateTime('2026-03-01T06:05:09.123Z', shanghai, 'precise'), '2026-03-01 14:05:09.123');
  assert.equal(formatDateTime('2026-03-01T06:05:09.123Z', shanghai, 'time'), '14:05:09');
  assert.equal(formatDateTime(Date.UTC(2026, 2, 1, 6, 5, 9), 'UTC'), '2026-03-01 06:05:09');
  assert.equal(formatDateTime(new Date('2026-03-01T06:05:09Z'), 'America/New_York'), '2026-03-01 01:05:09');
});

test('the business day turns at Shanghai midnight, which is 16:00 UTC', () => {
  assert.equal(businessDate('2026-03-01T15:59:59.999Z', shanghai), '2026-03-01');
  assert.equal(businessDate('2026-03-01T16:00:00.000Z', shanghai), '2026-03-02');
  assert.equal(formatDateTime('2026-03-01T16:00:00.000Z', shanghai), '2026-03-02 00:00:00');
  // New Year and a leap day, across the boundary.
  assert.equal(businessDate('2025-12-31T16:00:00Z', shanghai), '2026-01-01');
  assert.equal(businessDate('2028-02-28T16:00:00Z', shanghai), '2028-02-29');
});

test('a business date or time typed in Shanghai becomes the right instant', () => {
  assert.equal(zonedTimeToInstant('2026-03-02', shanghai)?.toISOString(), '2026-03-01T16:00:00.000Z');
  assert.equal(zonedTimeToInstant('2026-03-02T09:30', shanghai)?.toISOString(), '2026-03-02T01:30:00.000Z');
  assert.equal(zonedTimeToInstant('2026-03-02 23:59:59.999', shanghai)?.toISOString(), '2026-03-02T15:59:59.999Z');
  for (const bad of ['', '2026-02-30', '2026-13-01', '2026-03-02T24:00', '2026-3-2', 'yesterday']) {
    assert.equal(zonedTimeToInstant(bad, shanghai), null, bad);
  }
});

test('zones with daylight saving: repeated hours take the first, skipped hours move forward', () => {
  const newYork = 'America/New_York';
  assert.equal(zonedTimeToInstant('2026-07-01T12:00', newYork)?.toISOString(), '2026-07-01T16:00:00.000Z');
  assert.equal(zonedTimeToInstant('2026-01-01T12:00', newYork)?.toISOString(), '2026-01-01T17:00:00.000Z');
  assert.equal(zonedTimeToInstant('2026-11-01T01:30', newYork)?.toISOString(), '2026-11-01T05:30:00.000Z');
  const skipped = zonedTimeToInstant('2026-03-08T02:30', newYork);
  assert.equal(skipped?.toISOString(), '2026-03-08T07:30:00.000Z');
  assert.equal(formatDateTime(skipped!, newYork), '2026-03-08 03:30:00');
});

test('the exact instant names the zone, its offset and UTC', () => {
  assert.equal(formatZoneOffset('2026-03-01T00:00:00Z', shanghai), 'UTC+08:00');
  assert.equal(formatZoneOffset('2026-01-01T00:00:00Z', 'America/New_York'), 'UTC-05:00');
  assert.equal(formatZoneOffset('2026-01-01T00:00:00Z', 'Asia/Kolkata'), 'UTC+05:30');
  assert.equal(
    formatExactInstant('2026-03-01T06:05:09.123Z', shanghai),
    '2026-03-01 14:05:09.123 (Asia/Shanghai, UTC+08:00) · 2026-03-01T06:05:09.123Z',
  );
});

test('a value that is not a time is refused', () => {
  assert.throws(() => formatDateTime('not a date', shanghai), RangeError);
  assert.throws(() => formatDateTime(Number.NaN, shanghai), RangeError);
});

test('calendar dates move by whole days across month and year ends', () => {
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-03-01', -7), '2026-02-22');
});

test('time-axis ticks are as short as the span allows, on the Shanghai clock', () => {
  const t = '2026-03-01T16:05:00Z';
  assert.equal(formatTimeTick(t, shanghai, 3_600_000), '00:05');
  assert.equal(formatTimeTick(t, shanghai, 3 * 86_400_000), '03-02 00:05');
  assert.equal(formatTimeTick(t, shanghai, 30 * 86_400_000), '2026-03-02');
});
