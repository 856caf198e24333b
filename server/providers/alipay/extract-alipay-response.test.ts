import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractAlipayResponse } from './extract-alipay-response';

test('cuts out the exact text of the method response, escapes and spacing as sent, and reads the sign', () => {
  const content = '{"code":"10000","msg":"Success","out_trade_no":"PT1","qr_code":"https:\\/\\/qr.alipay.com\\/bax1","note":"a \\"}\\" b"}';
  const body = `{ "alipay_trade_precreate_response" : ${content} , "sign":"c2ln\\/bg==" }`;
  assert.deepEqual(extractAlipayResponse(body, 'alipay.trade.precreate'), { content, sign: 'c2ln/bg==' });
  assert.deepEqual(extractAlipayResponse(`{"sign":"x","alipay_trade_query_response":{"a":[1,{"b":"}"}]}}`, 'alipay.trade.query'), {
    content: '{"a":[1,{"b":"}"}]}',
    sign: 'x',
  });
});

test('falls back to error_response, and reports an answer without a sign as such', () => {
  assert.deepEqual(extractAlipayResponse('{"error_response":{"code":"40002","msg":"Invalid Arguments"}}', 'alipay.trade.query'), {
    content: '{"code":"40002","msg":"Invalid Arguments"}',
    sign: null,
  });
});

test('refuses what could be read two ways: a repeated member, a missing response, broken JSON, trailing text', () => {
  const cases: Array<[string, RegExp]> = [
    ['{"alipay_trade_query_response":{"code":"10000"},"alipay_trade_query_response":{"code":"40004"},"sign":"x"}', /twice/],
    ['{"alipay_trade_query_response":{},"sign":"a","sign":"b"}', /twice/],
    ['{"other_response":{"code":"10000"},"sign":"x"}', /no alipay_trade_query_response/],
    ['{"alipay_trade_query_response":{"code":"10000"', /not valid JSON/],
    ['[1]', /not a JSON object/],
    ['{"alipay_trade_query_response":{}} trailing', /text after/],
    ['{"alipay_trade_query_response":{},"sign":7}', /not a string/],
  ];
  for (const [body, message] of cases) {
    const result = extractAlipayResponse(body, 'alipay.trade.query');
    assert.ok('error' in result && message.test(result.error), `${body}: ${JSON.stringify(result)}`);
  }
});
