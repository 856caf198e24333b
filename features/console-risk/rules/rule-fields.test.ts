import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeParams, formToRule, paramsToForm } from './rule-fields';

const stored = { windowMinutes: 15, floor: 300_000, multiplier: 5, defaultBaseline: 50_000, minHistoryMinutes: 1440 };

test('a stored rule round-trips through the form, money shown in yuan and sent back in fen', () => {
  const form = paramsToForm('window_amount', stored);
  assert.equal(form.floor, '3000.00');
  assert.equal(form.defaultBaseline, '500.00');
  const result = formToRule('window_amount', form);
  assert.deepEqual(result, { ok: true, rule: { kind: 'window_amount', params: stored } });
});

test('yuan with more than two decimals, fractions of minutes and four-decimal multipliers are refused per field', () => {
  const result = formToRule('window_amount', {
    ...paramsToForm('window_amount', stored),
    floor: '10.005',
    windowMinutes: '1.5',
    multiplier: '1.2345',
  });
  assert.equal(result.ok, false);
  assert.deepEqual(Object.keys(result.ok ? {} : result.errors).sort(), ['floor', 'multiplier', 'windowMinutes']);
});

test("the contract's own limits are reported on their field", () => {
  const result = formToRule('velocity', { windowMinutes: '500', maxCount: '10' });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.errors.windowMinutes);
});

test('an empty field is required', () => {
  const result = formToRule('repeated_payer', { field: 'payer', windowMinutes: '', maxCount: '3' });
  assert.deepEqual(result, { ok: false, errors: { windowMinutes: 'Required' } });
});

test('parameters read in one line', () => {
  assert.equal(describeParams('velocity', { windowMinutes: 5, maxCount: 20 }), 'Window (minutes): 5 · Most payments allowed: 20');
  assert.match(describeParams('window_amount', stored), /Floor: ¥3,000\.00/);
});
