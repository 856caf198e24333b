import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { buildWechatpayTransactionResource } from '@/server/providers/wechatpay/build-wechatpay-transaction-resource';
import { signWechatpayCallback } from '@/server/providers/wechatpay/sign-wechatpay-callback';

export const wechatMchid = '1230000109';

/** A WeChat Pay platform key and APIv3 key made for this test run, and the env that trusts them. */
export function makeWechatpayKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serial = randomBytes(20).toString('hex').toUpperCase();
  const apiV3Key = randomBytes(16).toString('hex');
  const env = {
    WECHATPAY_MCHID: wechatMchid,
    WECHATPAY_APIV3_KEY: apiV3Key,
    WECHATPAY_PLATFORM_SERIAL: serial,
    WECHATPAY_PLATFORM_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  return { privateKey, publicKey, serial, apiV3Key, env };
}

export type WechatKeys = ReturnType<typeof makeWechatpayKeys>;

export function makeAlipayKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const appId = '2021000000000001';
  return {
    privateKey,
    publicKey,
    appId,
    env: { ALIPAY_APP_ID: appId, ALIPAY_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
  };
}

/** A WeChat "order paid" callback for a payment attempt (its out_trade_no is our providerTradeNo), signed as the platform would sign it. */
export function wechatPaidCallback(
  keys: { privateKey: KeyObject; serial: string; apiV3Key: string },
  payment: { providerTradeNo: string; amount: number; transactionId?: string; mchid?: string; now?: Date },
) {
  const transactionId = payment.transactionId ?? `4200${randomBytes(10).toString('hex')}`;
  const resource = buildWechatpayTransactionResource({
    mchid: payment.mchid ?? wechatMchid,
    outTradeNo: payment.providerTradeNo,
    transactionId,
    amount: payment.amount,
    currency: 'CNY',
    payer: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    device: 'POS-0042',
  });
  const signed = signWechatpayCallback({
    notification: { id: `EV-${transactionId}`, eventType: 'TRANSACTION.SUCCESS', resource },
    privateKey: keys.privateKey,
    serial: keys.serial,
    apiV3Key: keys.apiV3Key,
    now: payment.now,
  });
  return { ...signed, transactionId };
}
