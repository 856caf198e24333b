import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatMoney } from './format-money';
import { minorUnitsToDecimal } from './minor-units-to-decimal';

test('fen are shown as yuan exactly, largest stored amount and one fen included', () => {
  const cases: Array<[number, string]> = [
    [2_147_483_647, '¥21,474,836.47'],
    [1, '¥0.01'],
    [10, '¥0.10'],
    [0, '¥0.00'],
    [1280, '¥12.80'],
    [100_000_000, '¥1,000,000.00'],
    [-1, '-¥0.01'],
    [-2_147_483_648, '-¥21,474,836.48'],
  ];
  for (const [fen, shown] of cases) assert.equal(formatMoney(fen), shown, String(fen));
});

test('amounts beyond a float’s exact range stay exact as BigInt', () => {
  // 2^53 + 1 fen cannot be a number without rounding; as a BigInt every digit survives.
  assert.equal(formatMoney(9_007_199_254_740_993n), '¥90,071,992,547,409.93');
  assert.equal(formatMoney(-123_456_789_012_345_678n), '-¥1,234,567,890,123,456.78');
});

test('other currencies use their own minor units', () => {
  assert.equal(formatMoney(1234, 'USD'), '$12.34');
  assert.equal(formatMoney(500, 'JPY'), '¥500');
  assert.equal(formatMoney(1234, 'KWD'), 'KWD\u00a01.234');
  assert.equal(formatMoney(-1, 'EUR'), '-€0.01');
});

test('sign, compact and whole-amount options', () => {
  assert.equal(formatMoney(100, 'CNY', { signDisplay: 'always' }), '+¥1.00');
  assert.equal(formatMoney(0, 'CNY', { signDisplay: 'exceptZero' }), '¥0.00');
  assert.equal(formatMoney(123_456_789, 'CNY', { notation: 'compact' }), '¥1.2M');
  assert.equal(formatMoney(500_000, 'CNY', { trimZeroFraction: true }), '¥5,000');
  assert.equal(formatMoney(500_050, 'CNY', { trimZeroFraction: true }), '¥5,000.50');
});

test('an amount that is not an integer number of minor units is refused, not rounded', () => {
  for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
    assert.throws(() => formatMoney(bad), RangeError, String(bad));
  }
});

test('every safe integer round-trips through its decimal string', () => {
  fc.assert(
    fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
      const decimal = minorUnitsToDecimal(fen, 2);
      assert.match(decimal, /^-?\d+\.\d{2}$/);
      assert.equal(BigInt(decimal.replace('.', '')), BigInt(fen));
      assert.equal(formatMoney(fen).replace(/[¥,]/g, ''), decimal);
    }),
  );
});
