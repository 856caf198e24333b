import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextAttemptDelay } from './next-attempt-delay';
import { parseRetryAfter } from './send-webhook';

const schedule = [5, 30, 120];

test('each retry waits its step of the schedule, jittered by at most 10%', () => {
  assert.equal(nextAttemptDelay({ schedule, step: 0, retryAfterSeconds: null, random: () => 0.5 }), 5);
  assert.equal(nextAttemptDelay({ schedule, step: 1, retryAfterSeconds: null, random: () => 0 }), 27);
  assert.equal(nextAttemptDelay({ schedule, step: 2, retryAfterSeconds: null, random: () => 1 }), 132);
});

test('the schedule ends: no delay after its last step', () => {
  assert.equal(nextAttemptDelay({ schedule, step: 3, retryAfterSeconds: null }), null);
});

test('Retry-After is waited out when longer than the step, and capped at a day', () => {
  assert.equal(nextAttemptDelay({ schedule, step: 0, retryAfterSeconds: 60, random: () => 0.5 }), 60);
  assert.equal(nextAttemptDelay({ schedule, step: 1, retryAfterSeconds: 2, random: () => 0.5 }), 30);
  assert.equal(nextAttemptDelay({ schedule, step: 0, retryAfterSeconds: 10 * 86_400, random: () => 0.5 }), 86_400);
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(parseRetryAfter('120', now), 120);
  assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now), 30);
  assert.equal(parseRetryAfter('soon', now), null);
  assert.equal(parseRetryAfter(undefined, now), null);
});
