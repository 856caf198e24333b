import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartCurrency, hourlyVolume } from './hourly-volume';

const points = [
  { at: '2026-03-01T00:00:00.000Z', paid: 0, volume: [] },
  {
    at: '2026-03-01T01:00:00.000Z',
    paid: 3,
    volume: [
      { currency: 'CNY', count: 2, amount: 2_500 },
      { currency: 'USD', count: 1, amount: 700 },
    ],
  },
];

test('the chart is drawn in the currency most paid in, hours without payments at zero', () => {
  assert.equal(chartCurrency(points), 'CNY');
  assert.equal(chartCurrency([]), 'CNY');
  assert.equal(chartCurrency([{ at: points[0].at, paid: 1, volume: [{ currency: 'USD', count: 1, amount: 5 }] }]), 'USD');
  assert.deepEqual(hourlyVolume(points, 'CNY'), [
    { time: '2026-03-01T00:00:00.000Z', paid: 0, amount: 0 },
    { time: '2026-03-01T01:00:00.000Z', paid: 3, amount: 2_500 },
  ]);
});
