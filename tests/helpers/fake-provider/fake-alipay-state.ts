// What the fake Alipay knows: its key pair, our app's public key, and the trades and refunds made with it.
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { BillEditor } from './fake-bill-rows';

export type FakeAlipayKeys = {
  appId: string;
  /** The merchant's Alipay account (seller_id in notifications). */
  sellerId: string;
  alipayPrivateKey: KeyObject;
  alipayPublicKey: KeyObject;
  /** Our app key: the gateway signs with the private key, the fake verifies with the public one. */
  appPrivateKey: KeyObject;
  appPublicKey: KeyObject;
};

export type FakeAlipayTrade = {
  outTradeNo: string;
  /** Alipay gives a trade its number when the shopper scans the code. */
  tradeNo: string | null;
  amount: number;
  subject: string;
  notifyUrl: string | null;
  timeExpire: string | null;
  qrCode: string;
  createdAt: Date;
  /** CREATED: precreated but never scanned, so unknown to Alipay's query and close (ACQ.TRADE_NOT_EXIST). */
  status: 'CREATED' | 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_CLOSED' | 'TRADE_FINISHED';
  paidAt: Date | null;
  buyerId: string | null;
  notifyId: string | null;
};

export type FakeAlipayRefund = {
  outTradeNo: string;
  outRequestNo: string;
  amount: number;
  reason: string | null;
  status: 'PROCESSING' | 'REFUND_SUCCESS';
  createdAt: Date;
  succeededAt: Date | null;
  notifyId: string;
};

/**
 * How a new refund answers: `succeed` (fund_change Y at once, as Alipay usually does), `succeed_and_notify` (the
 * same, and the refund notification sent), or `processing` (fund_change N, ended by `settleRefund`).
 */
export type FakeAlipayRefundMode = 'succeed' | 'succeed_and_notify' | 'processing';

export function makeFakeAlipayKeys(): FakeAlipayKeys {
  const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    appId: '2021000000000001',
    sellerId: '2088102146225135',
    alipayPrivateKey: alipay.privateKey,
    alipayPublicKey: alipay.publicKey,
    appPrivateKey: app.privateKey,
    appPublicKey: app.publicKey,
  };
}

export function createFakeAlipayState(keys: FakeAlipayKeys) {
  return {
    keys,
    trades: new Map<string, FakeAlipayTrade>(),
    /** Keyed `${out_trade_no}|${out_request_no}`: a refund number is unique within its trade. */
    refunds: new Map<string, FakeAlipayRefund>(),
    refundMode: 'succeed' as FakeAlipayRefundMode,
    /** Bill archives handed out by the download-link query, by token. */
    billFiles: new Map<string, Buffer>(),
    billEditor: null as BillEditor | null,
  };
}

export type FakeAlipayState = ReturnType<typeof createFakeAlipayState>;

export const alipayRefundKey = (outTradeNo: string, outRequestNo: string) => `${outTradeNo}|${outRequestNo}`;
export const alipayTradeNo = () =>
  `2026${Date.now().toString().slice(-8)}22001${randomBytes(6).toString('hex').replace(/\D/g, '7').slice(0, 11)}`;
export const alipayNotifyId = () => randomBytes(16).toString('hex');
