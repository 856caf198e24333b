import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMoneyInput } from './parse-money-input';

test('yuan typed by a person become fen exactly', () => {
  const cases: Array<[string, number]> = [
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.01', 1],
    ['.5', 50],
    ['3', 300],
    [' 3 ', 300],
    ['12.', 1200],
    ['¥1,234.56', 123456],
    ['CNY 20', 2000],
    ['21474836.47', 2_147_483_647],
    ['0.29', 29],
  ];
  for (const [typed, fen] of cases) assert.equal(parseMoneyInput(typed), fen, typed);
});

test('what is not an amount gives null', () => {
  for (const typed of ['', ' ', '.', 'abc', '-1', '1.234', '1e3', '1,23', '12,34.5', '1 000', '12.3.4', '99999999999999999999']) {
    assert.equal(parseMoneyInput(typed), null, typed);
  }
});

test('the currency decides how many decimals are allowed', () => {
  assert.equal(parseMoneyInput('500', 'JPY'), 500);
  assert.equal(parseMoneyInput('500.5', 'JPY'), null);
  assert.equal(parseMoneyInput('1.234', 'KWD'), 1234);
});
