// The fake provider is only worth its tests if the real APIs would answer the same way. The providers' own SDKs are
// the closest thing to them here: their verification must accept the fake's answers and notifications, and the fake
// must accept their signed requests. Each check is also run with a wrong key, to show it can fail.
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { Aes, Formatter, Rsa, Wechatpay } from 'wechatpay-axios-plugin';
import { startFakeProvider } from '@/tests/helpers/fake-provider/start-fake-provider';

const fake = await startFakeProvider();
const pem = (key: { export: (options: { type: 'spki' | 'pkcs8'; format: 'pem' }) => string | Buffer }, type: 'spki' | 'pkcs8') =>
  key.export({ type, format: 'pem' }).toString();

describe('wechatpay-axios-plugin (the WeChat Pay v3 SDK) against the fake', () => {
  const keys = fake.wechatpay.keys;
  const sdk = (options: { platformKey?: string; merchantKey?: string } = {}) =>
    new Wechatpay({
      mchid: keys.mchid,
      serial: keys.merchantSerial,
      privateKey: options.merchantKey ?? pem(keys.merchantPrivateKey, 'pkcs8'),
      certs: { [keys.platformSerial]: options.platformKey ?? pem(keys.platformPublicKey, 'spki') },
      baseURL: `${fake.url}/`,
    });
  const outTradeNo = `SDK${randomBytes(8).toString('hex')}`;
  const otherKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

  test('Native order, query, refund, refund query and close: every answer passes the SDK verifier, every request the fake', async () => {
    const wxpay = sdk();
    const native = await wxpay.v3.pay.transactions.native.post<object, { status: number; data: { code_url: string } }>({
      appid: keys.appid,
      mchid: keys.mchid,
      description: 'SDK check',
      out_trade_no: outTradeNo,
      notify_url: 'https://gateway.example/api/callbacks/wechatpay',
      amount: { total: 1, currency: 'CNY' },
    });
    assert.equal(native.status, 200);
    assert.match(native.data.code_url, /^weixin:\/\//);
    await fake.wechatpay.pay(outTradeNo, { notify: 'lost' });
    const queried = await wxpay.v3.pay.transactions.outTradeNo.$out_trade_no$.get({
      params: { mchid: keys.mchid },
      out_trade_no: outTradeNo,
    });
    assert.equal(queried.data.trade_state, 'SUCCESS');
    assert.equal(queried.data.amount.total, 1);
    const refund = await wxpay.v3.refund.domestic.refunds.post<object, { data: { status: string; refund_id: string } }>({
      out_trade_no: outTradeNo,
      out_refund_no: `R${outTradeNo}`,
      amount: { refund: 1, total: 1, currency: 'CNY' },
    });
    assert.equal(refund.data.status, 'PROCESSING');
    const refundQuery = await wxpay.v3.refund.domestic.refunds.$out_refund_no$.get({ out_refund_no: `R${outTradeNo}` });
    assert.equal(refundQuery.data.refund_id, refund.data.refund_id);
    const unpaid = `SDK${randomBytes(8).toString('hex')}`;
    await wxpay.v3.pay.transactions.native.post({
      appid: keys.appid,
      mchid: keys.mchid,
      description: 'SDK close',
      out_trade_no: unpaid,
      notify_url: 'https://gateway.example/api/callbacks/wechatpay',
      amount: { total: 2, currency: 'CNY' },
    });
    const closed = await wxpay.v3.pay.transactions.outTradeNo.$out_trade_no$.close.post({ mchid: keys.mchid }, { out_trade_no: unpaid });
    assert.equal(closed.status, 204);
    const sdkRequests = fake.requests.filter((request) => request.headers['user-agent']?.includes('wechatpay-axios-plugin'));
    assert.equal(sdkRequests.length, 6);
    assert.ok(sdkRequests.every((request) => request.signatureError === null));
  });

  test('the SDK refuses the fake when it trusts another platform key, and the fake refuses the SDK signing with another merchant key', async () => {
    const distrustful = sdk({ platformKey: pem(otherKey().publicKey, 'spki') });
    await assert.rejects(
      distrustful.v3.pay.transactions.outTradeNo.$out_trade_no$.get({ params: { mchid: keys.mchid }, out_trade_no: outTradeNo }),
      (error: any) => {
        assert.equal(error.code, 'EV3_RES_HEADER_SIGNATURE_DIGEST');
        return true;
      },
    );
    const impostor = sdk({ merchantKey: pem(otherKey().privateKey, 'pkcs8') });
    await assert.rejects(
      impostor.v3.pay.transactions.outTradeNo.$out_trade_no$.get({ params: { mchid: keys.mchid }, out_trade_no: outTradeNo }),
      (error: any) => {
        assert.equal(error.response.status, 401);
        assert.equal(error.response.data.code, 'SIGN_ERROR');
        return true;
      },
    );
  });

  test('the SDK verifies and decrypts the fake payment and refund notifications', async () => {
    const notifications = [fake.wechatpay.paymentNotification(outTradeNo)];
    await fake.wechatpay.settleRefund(`R${outTradeNo}`, 'SUCCESS', { notify: 'lost' });
    notifications.push(fake.wechatpay.refundNotification(`R${outTradeNo}`));
    for (const { rawBody, headers } of notifications) {
      const message = Formatter.response(headers['Wechatpay-Timestamp'], headers['Wechatpay-Nonce'], rawBody);
      assert.equal(
        Rsa.verify(message, headers['Wechatpay-Signature'], Rsa.from(pem(keys.platformPublicKey, 'spki'), Rsa.KEY_TYPE_PUBLIC)),
        true,
      );
      assert.equal(
        Rsa.verify(message, headers['Wechatpay-Signature'], Rsa.from(pem(otherKey().publicKey, 'spki'), Rsa.KEY_TYPE_PUBLIC)),
        false,
      );
      const { resource } = JSON.parse(rawBody);
      const plain = JSON.parse(Aes.AesGcm.decrypt(resource.ciphertext, keys.apiV3Key, resource.nonce, resource.associated_data));
      assert.equal(plain.out_trade_no, outTradeNo);
      assert.throws(() => Aes.AesGcm.decrypt(resource.ciphertext, 'x'.repeat(32), resource.nonce, resource.associated_data));
    }
  });
});
