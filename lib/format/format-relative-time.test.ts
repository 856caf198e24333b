import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration } from './format-duration';
import { formatCount, formatPercent } from './format-number';
import { formatAge, formatRelativeTime } from './format-relative-time';
import { formatStatus } from './format-status';

const now = '2026-03-01T12:00:00.000Z';

test('relative times in the largest whole unit', () => {
  assert.equal(formatRelativeTime('2026-03-01T11:59:59.500Z', now), 'now');
  assert.equal(formatRelativeTime('2026-03-01T11:59:30Z', now), '30 seconds ago');
  assert.equal(formatRelativeTime('2026-03-01T11:55:00Z', now), '5 minutes ago');
  assert.equal(formatRelativeTime('2026-03-01T09:59:00Z', now), '2 hours ago');
  assert.equal(formatRelativeTime('2026-02-28T12:00:00Z', now), 'yesterday');
  assert.equal(formatRelativeTime('2026-03-01T12:10:00Z', now), 'in 10 minutes');
});

test('ages for dense lists', () => {
  assert.equal(formatAge('2026-03-01T11:59:15Z', now), '45s');
  assert.equal(formatAge('2026-03-01T11:48:00Z', now), '12m');
  assert.equal(formatAge('2026-03-01T08:55:00Z', now), '3h 5m');
  assert.equal(formatAge('2026-03-01T09:00:00Z', now), '3h');
  assert.equal(formatAge('2026-02-25T10:00:00Z', now), '4d 2h');
  assert.equal(formatAge('2026-03-01T12:00:05Z', now), '0s');
});

test('durations, counts, percentages and status words', () => {
  assert.equal(formatDuration(850), '850 ms');
  assert.equal(formatDuration(1_250), '1.2 s');
  assert.equal(formatDuration(42_000), '42 s');
  assert.equal(formatDuration(125_000), '2 min 5 s');
  assert.equal(formatDuration(11_400_000), '3 h 10 min');
  assert.throws(() => formatDuration(-1), RangeError);
  assert.equal(formatCount(1_234_567), '1,234,567');
  assert.equal(formatCount(1_234_567, { compact: true }), '1.2M');
  assert.equal(formatPercent(987, 1000), '98.7%');
  assert.equal(formatPercent(0, 0), '—');
  assert.equal(formatStatus('partially_refunded'), 'Partially refunded');
  assert.equal(formatStatus('window_amount'), 'Window amount');
});
