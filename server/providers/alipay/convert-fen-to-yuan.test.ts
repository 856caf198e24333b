import assert from 'node:assert/strict';
import { test } from 'node:test';
import { convertFenToYuan } from './convert-fen-to-yuan';
import { convertYuanToFen } from './convert-yuan-to-fen';

test('fen become yuan strings with two decimals, exactly, and convert back to the same fen', () => {
  const cases: Array<[number, string]> = [
    [1, '0.01'],
    [10, '0.10'],
    [0, '0.00'],
    [1230, '12.30'],
    [2_147_483_647, '21474836.47'],
    [10_000_000_000, '100000000.00'],
    [123_456_789_012_399, '1234567890123.99'],
  ];
  for (const [fen, yuan] of cases) {
    assert.equal(convertFenToYuan(fen), yuan, String(fen));
    assert.equal(convertYuanToFen(yuan, 'amount'), fen, yuan);
  }
});

test('refuses what is not a whole, non-negative, safe number of fen', () => {
  for (const value of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
    assert.throws(() => convertFenToYuan(value), RangeError, String(value));
});
