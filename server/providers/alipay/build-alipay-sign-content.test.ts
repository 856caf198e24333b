import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAlipaySignContent } from './build-alipay-sign-content';

const params: Array<[string, string]> = [
  ['timestamp', '2026-03-01 10:00:00'],
  ['method', 'alipay.trade.query'],
  ['app_id', '2021000000000001'],
  ['sign_type', 'RSA2'],
  ['sign', 'c2lnbg=='],
  ['biz_content', '{"out_trade_no":"PT1","subject":"a&b=c"}'],
  ['notify_url', ''],
  ['charset', 'utf-8'],
];

test('a request is signed over every parameter but sign, sign_type included, sorted, values raw, empty ones left out', () => {
  assert.equal(
    buildAlipaySignContent(params, { keepSignType: true }),
    'app_id=2021000000000001&biz_content={"out_trade_no":"PT1","subject":"a&b=c"}&charset=utf-8&method=alipay.trade.query&sign_type=RSA2&timestamp=2026-03-01 10:00:00',
  );
});

test('a notification is verified over every parameter but sign and sign_type', () => {
  assert.equal(
    buildAlipaySignContent(params),
    'app_id=2021000000000001&biz_content={"out_trade_no":"PT1","subject":"a&b=c"}&charset=utf-8&method=alipay.trade.query&timestamp=2026-03-01 10:00:00',
  );
});

test('keys sort by code point, so upper case comes before lower case and a prefix before its extensions', () => {
  assert.equal(
    buildAlipaySignContent([
      ['b', '1'],
      ['a_b', '2'],
      ['a', '3'],
      ['B', '4'],
    ]),
    'B=4&a=3&a_b=2&b=1',
  );
});
