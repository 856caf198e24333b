import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerFailure, answerSuccess } from './provider-answers';

test('answers WeChat Pay and the sandbox with JSON codes', () => {
  for (const provider of ['wechatpay', 'sandbox'] as const) {
    assert.deepEqual(answerSuccess(provider), {
      status: 200,
      body: '{"code":"SUCCESS","message":"成功"}',
      contentType: 'application/json; charset=utf-8',
    });
    const failure = answerFailure(provider, 'Wechatpay-Signature does not match', 401);
    assert.equal(failure.status, 401);
    assert.deepEqual(JSON.parse(failure.body), { code: 'FAIL', message: 'Wechatpay-Signature does not match' });
  }
});

test('keeps WeChat Pay failure messages within 64 characters and the status within 4xx/5xx', () => {
  const failure = answerFailure('wechatpay', '失'.repeat(100), 200);
  assert.equal(failure.status, 500);
  assert.equal(JSON.parse(failure.body).message, '失'.repeat(64));
});

test('answers Alipay in plain text', () => {
  assert.deepEqual(answerSuccess('alipay'), { status: 200, body: 'success', contentType: 'text/plain; charset=utf-8' });
  assert.deepEqual(answerFailure('alipay', 'bad sign', 401), { status: 401, body: 'failure', contentType: 'text/plain; charset=utf-8' });
});
