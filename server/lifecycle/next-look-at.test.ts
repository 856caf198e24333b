import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextLookAt } from './next-look-at';

const minute = 60_000;
const created = new Date('2026-12-01T00:00:00Z');
const at = (ms: number) => new Date(created.getTime() + ms);
const schedule = [60, 120, 300, 600, 1800];

describe('nextLookAt', () => {
  test('follows the schedule from creation, then repeats its last wait', () => {
    const expiresAt = at(24 * 60 * minute);
    const looks: number[] = [];
    let from = created;
    for (let queryCount = 0; queryCount < 7; queryCount++) {
      const next = nextLookAt({ from, queryCount, expiresAt, schedule, horizonSeconds: 86_400 })!;
      looks.push((next.getTime() - created.getTime()) / minute);
      from = next;
    }
    assert.deepEqual(looks, [1, 3, 8, 18, 48, 78, 108]);
  });

  test('an open attempt is looked at when it expires, however long the wait', () => {
    const expiresAt = at(5 * minute);
    assert.deepEqual(nextLookAt({ from: at(4 * minute), queryCount: 4, expiresAt, schedule, horizonSeconds: 86_400 }), expiresAt);
    assert.deepEqual(nextLookAt({ from: created, queryCount: 0, expiresAt: at(10_000), schedule, horizonSeconds: 0 }), at(10_000));
  });

  test('after expiry, queries go on until the horizon, then stop', () => {
    const expiresAt = at(60 * minute);
    const horizonSeconds = 3_600;
    assert.deepEqual(nextLookAt({ from: expiresAt, queryCount: 9, expiresAt, schedule, horizonSeconds }), at(90 * minute));
    assert.deepEqual(nextLookAt({ from: at(90 * minute), queryCount: 10, expiresAt, schedule, horizonSeconds }), at(120 * minute));
    assert.equal(nextLookAt({ from: at(100 * minute), queryCount: 11, expiresAt, schedule, horizonSeconds }), null);
  });
});
