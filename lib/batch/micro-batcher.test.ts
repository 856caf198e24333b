import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MicroBatcher } from './micro-batcher';

test('items that arrive while a batch is written share the next one; each caller gets its own result', async () => {
  const batches: number[][] = [];
  const batcher = new MicroBatcher(
    async (items: number[]) => {
      batches.push(items);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return items.map((item) => item * 10);
    },
    { maxBatch: 3, maxInFlight: 1 },
  );
  const results = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((item) => batcher.add(item)));
  assert.deepEqual(results, [10, 20, 30, 40, 50, 60, 70]);
  assert.deepEqual(batches, [[1, 2, 3], [4, 5, 6], [7]]);
});

test('a failed batch rejects each of its callers, and the next batch runs as usual', async () => {
  const batcher = new MicroBatcher(
    async (items: string[]) => {
      if (items.includes('bad')) throw new Error('refused');
      return items.map((item) => item.toUpperCase());
    },
    { maxBatch: 10, maxInFlight: 1 },
  );
  const first = await Promise.allSettled([batcher.add('bad'), batcher.add('good')]);
  assert.deepEqual(
    first.map((result) => result.status),
    ['rejected', 'rejected'],
  );
  assert.equal(await batcher.add('later'), 'LATER');
});

test('at most maxInFlight batches run at once', async () => {
  let running = 0;
  let most = 0;
  const batcher = new MicroBatcher(
    async (items: number[]) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running--;
      return items;
    },
    { maxBatch: 1, maxInFlight: 2 },
  );
  await Promise.all(Array.from({ length: 8 }, (_, i) => batcher.add(i)));
  assert.equal(most, 2);
});
