import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alertSeverity } from './alert-severity';
import { readEvidence } from './read-evidence';

const windowEvidence = {
  windowMinutes: 15,
  windowStart: '2026-01-01T10:00:00.000Z',
  windowSum: 1_250_000,
  count: 12,
  baseline: 80_000,
  baselineSource: 'history',
  multiplier: 5,
  floor: 300_000,
  threshold: 400_000,
  paymentId: '0190a0a0-0000-7000-8000-000000000001',
  paidAt: '2026-01-01T10:14:10.000Z',
  samplePaymentIds: ['0190a0a0-0000-7000-8000-000000000001', 42],
};

test('a window alert reads as money in yuan, with its threshold, baseline and the chart inputs', () => {
  const read = readEvidence('window_amount', windowEvidence);
  assert.match(read.summary, /^¥12,500\.00 in 15 min, threshold ¥4,000\.00$/);
  assert.deepEqual(
    read.figures.map((figure) => figure.label),
    ['Window sum', 'Window', 'Payments in the window', 'Threshold', 'Baseline (own history)', 'Multiplier', 'Floor'],
  );
  assert.equal(read.figures.find((figure) => figure.label === 'Baseline (own history)')?.value, '¥800.00');
  assert.deepEqual(read.window, {
    windowMinutes: 15,
    windowStart: windowEvidence.windowStart,
    paidAt: windowEvidence.paidAt,
    windowSum: 1_250_000,
    threshold: 400_000,
    baseline: 80_000,
  });
  assert.deepEqual(read.span, { windowMinutes: 15, windowStart: windowEvidence.windowStart, paidAt: windowEvidence.paidAt });
  assert.deepEqual(read.samplePaymentIds, ['0190a0a0-0000-7000-8000-000000000001']);
  assert.equal(alertSeverity({ kind: 'window_amount', evidence: read }), 'high');
});

test('a figure of the wrong type is left out, never shown as zero', () => {
  const read = readEvidence('window_amount', { ...windowEvidence, baseline: '80000', windowSum: null });
  assert.equal(
    read.figures.some((figure) => figure.label.startsWith('Baseline') || figure.label === 'Window sum'),
    false,
  );
  assert.equal(read.window, null);
  assert.match(read.summary, /^Window sum in 15 min/);
});

test('velocity and repeated payer count payments; intake alerts say their message', () => {
  const velocity = readEvidence('velocity', { windowMinutes: 5, count: 31, threshold: 20, windowSum: 3100 });
  assert.equal(velocity.summary, '31 payments in 5 min, at most 20');
  assert.equal(velocity.window, null);
  assert.equal(alertSeverity({ kind: 'velocity', evidence: velocity }), 'medium');
  const payer = readEvidence('repeated_payer', { field: 'device', device: 'till-7', windowMinutes: 10, count: 6, threshold: 5 });
  assert.equal(payer.summary, 'Device till-7 paid 6 times in 10 min, at most 5');
  assert.equal(alertSeverity({ kind: 'repeated_payer', evidence: payer }), 'low');
  const intake = readEvidence('amount_mismatch', {
    message: 'Amount 100 differs from the order',
    provider: 'wechatpay',
    notifiedAmount: 100,
  });
  assert.equal(intake.summary, 'Amount 100 differs from the order');
  assert.deepEqual(intake.figures, [
    { label: 'Provider', value: 'wechatpay' },
    { label: 'Amount notified', value: '¥1.00' },
  ]);
  assert.equal(alertSeverity({ kind: 'amount_mismatch', evidence: intake }), 'critical');
});

test('a rule that blocks on its own makes its alerts critical', () => {
  const read = readEvidence('velocity', { count: 21, threshold: 20 });
  assert.equal(alertSeverity({ kind: 'velocity', evidence: read, ruleAction: 'block' }), 'critical');
});
