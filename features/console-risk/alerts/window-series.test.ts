import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildWindowSeries, chartRange } from './window-series';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 0, 1, 10, minute, second)).toISOString();

test('the window of N minutes ending with a minute sums that minute and the N − 1 before it, as the engine does', () => {
  const payments = [
    { paidAt: at(0, 10), amount: 100 },
    { paidAt: at(1, 59), amount: 200 },
    { paidAt: at(2, 0), amount: 400 },
    { paidAt: at(5, 30), amount: 800 },
    { paidAt: null, amount: 9_999 },
  ];
  const points = buildWindowSeries({ payments, windowMinutes: 3, from: new Date(at(0)), to: new Date(at(6)) });
  assert.deepEqual(
    points.map((point) => point.windowSum),
    // minutes 0..6: [0], [0,1], [0,1,2], [1,2,3], [2,3,4], [3,4,5], [4,5,6]
    [100, 300, 700, 600, 400, 800, 800],
  );
  assert.equal(points[0].time, Date.parse(at(0)));
});

test('payments before the range still count in the first windows; later ones do not', () => {
  const payments = [
    { paidAt: at(8), amount: 50 },
    { paidAt: at(9), amount: 70 },
    { paidAt: at(20), amount: 1 },
  ];
  const points = buildWindowSeries({ payments, windowMinutes: 2, from: new Date(at(10)), to: new Date(at(11)) });
  assert.deepEqual(
    points.map((point) => point.windowSum),
    [70, 0],
  );
});

test('long ranges are thinned to at most maxPoints, keeping the last minute', () => {
  const points = buildWindowSeries({ payments: [], windowMinutes: 5, from: new Date(at(0)), to: new Date(at(59)), maxPoints: 10 });
  assert.ok(points.length <= 11);
  assert.equal(points.at(-1)?.time, Date.parse(at(59)));
});

test('an empty or inverted range has no points', () => {
  assert.deepEqual(buildWindowSeries({ payments: [], windowMinutes: 5, from: new Date(at(10)), to: new Date(at(9)) }), []);
});

test('the chart covers three windows before the crossing window and one after the payment', () => {
  const range = chartRange({ windowStart: at(10), paidAt: at(24, 30), windowMinutes: 15 });
  assert.equal(range.from.toISOString(), new Date(Date.parse(at(10)) - 45 * 60_000).toISOString());
  assert.equal(range.to.toISOString(), new Date(Date.parse(at(24, 30)) + 15 * 60_000).toISOString());
});
