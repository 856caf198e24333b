import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import type { overviewSchema } from '@/contracts/overview';
import { callbackOutcomes, formatShare, ordersPerMinute, todayByStatus } from './overview-charts-data';

const zero = { wechatpay: 0, alipay: 0, sandbox: 0 };
const overview = {
  today: { byStatus: { pending: 2, succeeded: 7, closed: 1, failed: 0 } },
  series: {
    points: [
      { at: '2026-03-01T02:00:00.000Z', created: { ...zero, sandbox: 3 }, paid: { ...zero, sandbox: 2 } },
      { at: '2026-03-01T02:01:00.000Z', created: { ...zero, wechatpay: 1 }, paid: zero },
    ],
  },
  callbacks: { received: 20, duplicates: 3, rejected: 2, unknownPayment: 1, amountMismatch: 1 },
} as unknown as z.output<typeof overviewSchema>;

test('orders per minute: one row per minute with a value per provider', () => {
  assert.deepEqual(ordersPerMinute(overview, 'created'), [
    { time: '2026-03-01T02:00:00.000Z', wechatpay: 0, alipay: 0, sandbox: 3 },
    { time: '2026-03-01T02:01:00.000Z', wechatpay: 1, alipay: 0, sandbox: 0 },
  ]);
  assert.equal(ordersPerMinute(overview, 'paid')[0].sandbox, 2);
});

test("today's orders by status and the callbacks by outcome add up to their totals", () => {
  assert.deepEqual(
    todayByStatus(overview).map((bar) => [bar.category, bar.count]),
    [
      ['Pending', 2],
      ['Succeeded', 7],
      ['Closed', 1],
      ['Failed', 0],
    ],
  );
  const outcomes = callbackOutcomes(overview);
  assert.equal(outcomes[0].count, 13);
  assert.equal(
    outcomes.reduce((sum, bar) => sum + bar.count, 0),
    20,
  );
});

test('a share is never rounded up to a better figure than it is', () => {
  assert.equal(formatShare(null), '—');
  assert.equal(formatShare(0.9999), '99.9%');
  assert.equal(formatShare(1), '100.0%');
  assert.equal(formatShare(0.5), '50.0%');
});
