// The fake provider is only worth its tests if the real APIs would answer the same way. The providers' own SDKs are
// the closest thing to them here: their verification must accept the fake's answers and notifications, and the fake
// must accept their signed requests. Each check is also run with a wrong key, to show it can fail.
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { AlipaySdk } from 'alipay-sdk';
import { Aes, Formatter, Rsa, Wechatpay } from 'wechatpay-axios-plugin';
import { startFakeProvider } from '@/tests/helpers/fake-provider/start-fake-provider';

const fake = await startFakeProvider();
const pem = (
  key: { export: (options: { type: 'spki' | 'pkcs8' | 'pkcs1'; format: 'pem' }) => string | Buffer },
  type: 'spki' | 'pkcs8' | 'pkcs1',
) => key.export({ type, format: 'pem' }).toString();

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

describe("alipay-sdk (Alipay's Node SDK) against the fake", () => {
  const keys = fake.alipay.keys;
  const sdk = (options: { alipayPublicKey?: string; privateKey?: string } = {}) =>
    new AlipaySdk({
      appId: keys.appId,
      // The SDK's default key type is PKCS#1, as Alipay's key tool hands it out.
      privateKey: options.privateKey ?? pem(keys.appPrivateKey, 'pkcs1'),
      alipayPublicKey: options.alipayPublicKey ?? pem(keys.alipayPublicKey, 'spki'),
      gateway: `${fake.url}/gateway.do`,
      camelcase: false,
      timeout: 5_000,
    });
  const outTradeNo = `SDK${randomBytes(8).toString('hex')}`;
  const signed = { validateSign: true };
  // The SDK writes its timestamp in the machine's local time, taking that to be China time, as Alipay reads it.
  const zone = process.env.TZ;
  before(() => void (process.env.TZ = 'Asia/Shanghai'));
  after(() => void (zone === undefined ? delete process.env.TZ : (process.env.TZ = zone)));

  test('precreate, query, refund, refund query and close: the SDK verifies every answer, the fake every request', async () => {
    const alipay = sdk();
    const precreated = await alipay.exec(
      'alipay.trade.precreate',
      {
        notify_url: 'https://gateway.example/api/callbacks/alipay',
        bizContent: { out_trade_no: outTradeNo, total_amount: '21474836.47', subject: '测试订单 & more' },
      },
      signed,
    );
    assert.equal(precreated.code, '10000');
    assert.match(precreated.qr_code, /^https:\/\/qr\.alipay\.com\//);
    await fake.alipay.pay(outTradeNo, { notify: 'lost' });
    const queried = await alipay.exec('alipay.trade.query', { bizContent: { out_trade_no: outTradeNo } }, signed);
    assert.equal(queried.trade_status, 'TRADE_SUCCESS');
    assert.equal(queried.total_amount, '21474836.47');
    const refunded = await alipay.exec(
      'alipay.trade.refund',
      { bizContent: { out_trade_no: outTradeNo, refund_amount: '0.01', out_request_no: `R${outTradeNo}` } },
      signed,
    );
    assert.equal(refunded.fund_change, 'Y');
    const refundQuery = await alipay.exec(
      'alipay.trade.fastpay.refund.query',
      { bizContent: { out_trade_no: outTradeNo, out_request_no: `R${outTradeNo}` } },
      signed,
    );
    assert.equal(refundQuery.refund_status, 'REFUND_SUCCESS');
    const unpaid = `SDK${randomBytes(8).toString('hex')}`;
    await alipay.exec('alipay.trade.precreate', { bizContent: { out_trade_no: unpaid, total_amount: '0.01', subject: 'close' } }, signed);
    fake.alipay.scan(unpaid);
    const closed = await alipay.exec('alipay.trade.close', { bizContent: { out_trade_no: unpaid } }, signed);
    assert.equal(closed.code, '10000');
    const notFound = await alipay.exec('alipay.trade.query', { bizContent: { out_trade_no: 'NEVER-PLACED' } }, signed);
    assert.equal(notFound.sub_code, 'ACQ.TRADE_NOT_EXIST', 'business errors are signed and verified too');
    const sdkRequests = fake.requests.filter(
      (request) => request.provider === 'alipay' && request.headers['user-agent']?.includes('alipay-sdk'),
    );
    assert.equal(sdkRequests.length, 7);
    assert.ok(sdkRequests.every((request) => request.signatureError === null));
  });

  test('the SDK refuses the fake when it trusts another Alipay key, and the fake refuses the SDK signing with another app key', async () => {
    const distrustful = sdk({ alipayPublicKey: pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey, 'spki') });
    await assert.rejects(distrustful.exec('alipay.trade.query', { bizContent: { out_trade_no: outTradeNo } }, signed), /验签失败/);
    const impostor = sdk({ privateKey: pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, 'pkcs1') });
    const refused = await impostor.exec('alipay.trade.query', { bizContent: { out_trade_no: outTradeNo } }, signed);
    assert.equal(refused.sub_code, 'isv.invalid-signature');
  });

  test('the SDK verifies the fake payment and refund notifications, and not with another key', async () => {
    const bodies = [
      fake.alipay.paymentNotification(outTradeNo).rawBody,
      fake.alipay.refundNotification(outTradeNo, `R${outTradeNo}`).rawBody,
    ];
    const other = sdk({ alipayPublicKey: pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey, 'spki') });
    for (const rawBody of bodies) {
      const postData = Object.fromEntries(new URLSearchParams(rawBody));
      assert.equal(sdk().checkNotifySignV2(postData), true);
      assert.equal(other.checkNotifySignV2(postData), false);
    }
  });
});
