import assert from 'node:assert/strict';
import { test } from 'node:test';
import { convertYuanToFen } from './convert-yuan-to-fen';

test('converts yuan strings to fen exactly', () => {
  const cases: Array<[string, number]> = [
    ['0.01', 1],
    ['12.3', 1230],
    ['12.30', 1230],
    ['100', 10000],
    ['0', 0],
    ['0.29', 29],
    ['1234567890123.99', 123456789012399],
  ];
  for (const [yuan, fen] of cases) assert.equal(convertYuanToFen(yuan, 'total_amount'), fen, yuan);
});

test('refuses anything but plain yuan with at most 2 decimals', () => {
  for (const value of ['12.345', '-1', '1e3', 'abc', '', ' 1', '1.', '.5', '01', '+1', '1,00', '12345678901234', 'NaN', 'Infinity']) {
    assert.throws(
      () => convertYuanToFen(value, 'total_amount'),
      {
        code: 'validation_failed',
        message: /total_amount ".*" is not a yuan amount/,
      },
      value,
    );
  }
});
