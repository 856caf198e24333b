import assert from 'node:assert/strict';
import { test } from 'node:test';
import { businessToday } from './business-today';
import { bucketStarts, windowStart } from './time-buckets';

test("today begins at the business zone's midnight", () => {
  const at = (iso: string, zone: string) => {
    const { date, since } = businessToday(new Date(iso), zone);
    return `${date} ${since.toISOString()}`;
  };
  assert.equal(at('2026-12-01T15:59:59.999Z', 'Asia/Shanghai'), '2026-12-01 2026-11-30T16:00:00.000Z');
  assert.equal(at('2026-12-01T16:00:00.000Z', 'Asia/Shanghai'), '2026-12-02 2026-12-01T16:00:00.000Z');
  assert.equal(at('2026-12-01T16:00:00.000Z', 'UTC'), '2026-12-01 2026-12-01T00:00:00.000Z');
  // A day of 23 hours: clocks went forward at 2:00 that morning.
  assert.equal(at('2026-03-08T20:00:00.000Z', 'America/New_York'), '2026-03-08 2026-03-08T05:00:00.000Z');
  assert.equal(at('2026-12-01T12:00:00.000Z', 'Asia/Kolkata'), '2026-12-01 2026-11-30T18:30:00.000Z');
});

test('a window of n buckets is the current one and the n - 1 before it', () => {
  const now = new Date('2026-12-01T10:17:42.123Z');
  assert.equal(windowStart(now, 60, 60).toISOString(), '2026-12-01T09:18:00.000Z');
  assert.equal(windowStart(now, 3600, 24).toISOString(), '2026-11-30T11:00:00.000Z');
  const minutes = bucketStarts(windowStart(now, 60, 360), now, 60);
  assert.equal(minutes.length, 360);
  assert.equal(minutes.at(-1)!.toISOString(), '2026-12-01T10:17:00.000Z');
});
