// What the fake WeChat Pay knows: its keys, our merchant's public keys, and the orders and refunds placed with it.
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { BillEditor } from './fake-bill-rows';

export type FakeWechatpayKeys = {
  mchid: string;
  appid: string;
  apiV3Key: string;
  platformSerial: string;
  platformPrivateKey: KeyObject;
  platformPublicKey: KeyObject;
  /** Our merchant certificate: the gateway signs with the private key, the fake verifies with the public one. */
  merchantSerial: string;
  merchantPrivateKey: KeyObject;
  merchantPublicKey: KeyObject;
};

export type FakeWechatpayOrder = {
  outTradeNo: string;
  appid: string;
  description: string;
  amount: number;
  currency: string;
  notifyUrl: string;
  timeExpire: string | null;
  codeUrl: string;
  createdAt: Date;
  tradeState: 'NOTPAY' | 'USERPAYING' | 'SUCCESS' | 'REFUND' | 'CLOSED' | 'PAYERROR';
  transactionId: string | null;
  successTime: Date | null;
  payer: string | null;
  device: string | null;
  /** The id of this order's payment notification: every retry of it carries the same one. */
  notificationId: string | null;
};

export type FakeWechatpayRefund = {
  outRefundNo: string;
  outTradeNo: string;
  transactionId: string;
  refundId: string;
  amount: number;
  total: number;
  reason: string | null;
  notifyUrl: string | null;
  status: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  createdAt: Date;
  successTime: Date | null;
};

/**
 * How a new refund answers: `processing` (as WeChat Pay usually does; the test ends it with `settleRefund`),
 * `succeed` (SUCCESS at once), or `succeed_and_notify` (SUCCESS at once and the REFUND.SUCCESS notification sent).
 */
export type FakeRefundMode = 'processing' | 'succeed' | 'succeed_and_notify';

export function makeFakeWechatpayKeys(): FakeWechatpayKeys {
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    mchid: '1230000109',
    appid: 'wxd678efh567hg6787',
    apiV3Key: randomBytes(16).toString('hex'),
    platformSerial: `PUB_KEY_ID_${randomBytes(16).toString('hex').toUpperCase()}`,
    platformPrivateKey: platform.privateKey,
    platformPublicKey: platform.publicKey,
    merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKey: merchant.privateKey,
    merchantPublicKey: merchant.publicKey,
  };
}

export function createFakeWechatpayState(keys: FakeWechatpayKeys) {
  return {
    keys,
    orders: new Map<string, FakeWechatpayOrder>(),
    refunds: new Map<string, FakeWechatpayRefund>(),
    refundMode: 'processing' as FakeRefundMode,
    /** Bill files handed out by /v3/bill/tradebill, by download token. */
    billFiles: new Map<string, string>(),
    billEditor: null as BillEditor | null,
  };
}

export type FakeWechatpayState = ReturnType<typeof createFakeWechatpayState>;

export const wechatpayTransactionId = () => `4200${randomBytes(12).toString('hex').slice(0, 24)}`;
export const wechatpayRefundId = () => `5030${randomBytes(12).toString('hex').slice(0, 24)}`;
