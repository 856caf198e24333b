import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deliveryHealthLevel } from './delivery-health';

const fine = { pending: 0, deadLetters: 0, firstAttempts7d: 100, firstAttemptSuccessRate7d: 0.99 };
const up = { endpointDisabledAt: null, endpointFailingSince: null };

test('a disabled endpoint outranks everything; failing now outranks history', () => {
  assert.equal(
    deliveryHealthLevel(fine, { endpointDisabledAt: '2026-01-01T00:00:00Z', endpointFailingSince: '2026-01-01T00:00:00Z' }),
    'disabled',
  );
  assert.equal(deliveryHealthLevel(fine, { endpointDisabledAt: null, endpointFailingSince: '2026-01-01T00:00:00Z' }), 'failing');
});

test('dead letters or under 95% first-attempt success is degraded', () => {
  assert.equal(deliveryHealthLevel({ ...fine, deadLetters: 1 }, up), 'degraded');
  assert.equal(deliveryHealthLevel({ ...fine, firstAttemptSuccessRate7d: 0.949 }, up), 'degraded');
  assert.equal(deliveryHealthLevel({ ...fine, firstAttemptSuccessRate7d: 0.95 }, up), 'healthy');
});

test('nothing sent in 7 days is idle', () => {
  assert.equal(deliveryHealthLevel({ pending: 0, deadLetters: 0, firstAttempts7d: 0, firstAttemptSuccessRate7d: null }, up), 'idle');
});
