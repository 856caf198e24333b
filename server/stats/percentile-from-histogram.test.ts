import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { percentileFromHistogram } from './percentile-from-histogram';

const ladder = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

test('the p95 of a histogram is the edge of the bucket its rank falls in', () => {
  assert.equal(percentileFromHistogram([], 95), null);
  assert.equal(percentileFromHistogram([{ le: 50, count: 0 }], 95), null);
  // 95 values ≤ 20 ms and 5 slower: the 95th of 100 is still in the 20 ms bucket, the 96th is not.
  assert.equal(
    percentileFromHistogram(
      [
        { le: 20, count: 95 },
        { le: 500, count: 5 },
      ],
      95,
    ),
    20,
  );
  assert.equal(
    percentileFromHistogram(
      [
        { le: 20, count: 94 },
        { le: 500, count: 6 },
      ],
      95,
    ),
    500,
  );
  assert.equal(
    percentileFromHistogram(
      [
        { le: 500, count: 6 },
        { le: 20, count: 94 },
      ],
      95,
    ),
    500,
  );
});

test('it never understates the true percentile of the values it counts', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 300 }), (values) => {
      const counts = new Map<number, number>();
      for (const value of values) {
        const le = ladder.find((edge) => edge >= value)!;
        counts.set(le, (counts.get(le) ?? 0) + 1);
      }
      const answer = percentileFromHistogram(
        [...counts].map(([le, count]) => ({ le, count })),
        95,
      )!;
      const sorted = [...values].sort((a, b) => a - b);
      const truth = sorted[Math.ceil(0.95 * sorted.length) - 1];
      const below = ladder[ladder.indexOf(answer) - 1] ?? -1;
      assert.ok(truth <= answer && truth > below, `${truth} not in (${below}, ${answer}]`);
    }),
  );
});
