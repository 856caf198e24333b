import assert from 'node:assert/strict';
import { generateKeyPairSync, verify } from 'node:crypto';
import { test } from 'node:test';
import { buildWechatpayAuthorization } from './build-wechatpay-authorization';
import { buildWechatpayRequestMessage } from './build-wechatpay-request-message';

test('the request message is method, path with query, timestamp, nonce and body, each line ended by \\n', () => {
  // The example of WeChat Pay's signing guide.
  assert.equal(
    buildWechatpayRequestMessage({
      method: 'get',
      pathAndQuery: '/v3/certificates',
      timestamp: '1554208460',
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
      body: '',
    }),
    'GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n',
  );
  assert.equal(
    buildWechatpayRequestMessage({
      method: 'POST',
      pathAndQuery: '/v3/pay/transactions/out-trade-no/P1/close',
      timestamp: '1',
      nonce: 'n',
      body: '{"mchid":"1"}',
    }),
    'POST\n/v3/pay/transactions/out-trade-no/P1/close\n1\nn\n{"mchid":"1"}\n',
  );
});

test('the Authorization header carries mchid, nonce, timestamp, serial and a signature the merchant public key verifies', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = new Date('2026-01-02T03:04:05Z');
  const header = buildWechatpayAuthorization({
    method: 'GET',
    pathAndQuery: '/v3/pay/transactions/out-trade-no/PT1?mchid=1230000109',
    body: '',
    mchid: '1230000109',
    merchantSerial: 'ABC123',
    merchantPrivateKey: privateKey,
    now,
    nonce: 'NONCE42',
  });
  const match =
    /^WECHATPAY2-SHA256-RSA2048 mchid="1230000109",nonce_str="NONCE42",signature="([^"]+)",timestamp="1767323045",serial_no="ABC123"$/.exec(
      header,
    );
  assert.ok(match, header);
  const message = 'GET\n/v3/pay/transactions/out-trade-no/PT1?mchid=1230000109\n1767323045\nNONCE42\n\n';
  assert.equal(verify('sha256', Buffer.from(message), publicKey, Buffer.from(match[1], 'base64')), true);
  assert.equal(verify('sha256', Buffer.from(message.replace('PT1', 'PT2')), publicKey, Buffer.from(match[1], 'base64')), false);
});
