// What a test makes the fake Alipay do on its own side: a shopper scans and pays, a trade closes, a refund ends;
// and the signed trade_status_sync notifications that follow (payment, and refund with refund_fee and out_biz_no).
import { convertFenToYuan } from '@/server/providers/alipay/convert-fen-to-yuan';
import { formatAlipayTime } from '@/server/providers/alipay/format-alipay-time';
import { signAlipayCallback } from '@/server/providers/alipay/sign-alipay-callback';
import {
  alipayNotifyId,
  alipayRefundKey,
  alipayTradeNo,
  type FakeAlipayRefund,
  type FakeAlipayState,
  type FakeAlipayTrade,
} from './fake-alipay-state';
import { deliverAs, type NotificationAnswer, type Notifier, type NotifyOptions, type PaidOrder } from './fake-notifications';

const form = { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' };

export function createAlipayControl(state: FakeAlipayState, notifier: Notifier) {
  const { keys } = state;
  const tradeOf = (outTradeNo: string): FakeAlipayTrade => {
    const trade = state.trades.get(outTradeNo);
    if (!trade) throw new Error(`the fake Alipay has no trade ${outTradeNo}`);
    return trade;
  };
  const refundOf = (outTradeNo: string, outRequestNo: string): FakeAlipayRefund => {
    const refund = state.refunds.get(alipayRefundKey(outTradeNo, outRequestNo));
    if (!refund) throw new Error(`the fake Alipay has no refund ${outRequestNo} of ${outTradeNo}`);
    return refund;
  };
  const scan = (trade: FakeAlipayTrade) => {
    if (trade.status === 'CREATED') Object.assign(trade, { status: 'WAIT_BUYER_PAY', tradeNo: alipayTradeNo() });
  };

  function tradeParams(trade: FakeAlipayTrade, notifyId: string): Record<string, string> {
    const amount = convertFenToYuan(trade.amount);
    return {
      notify_time: formatAlipayTime(new Date()),
      notify_type: 'trade_status_sync',
      notify_id: notifyId,
      app_id: keys.appId,
      auth_app_id: keys.appId,
      charset: 'utf-8',
      version: '1.0',
      trade_no: trade.tradeNo ?? '',
      out_trade_no: trade.outTradeNo,
      buyer_id: trade.buyerId ?? '',
      seller_id: keys.sellerId,
      trade_status: trade.status,
      total_amount: amount,
      receipt_amount: amount,
      invoice_amount: amount,
      buyer_pay_amount: amount,
      point_amount: '0.00',
      subject: trade.subject,
      gmt_create: formatAlipayTime(trade.createdAt),
      gmt_payment: trade.paidAt === null ? '' : formatAlipayTime(trade.paidAt),
      fund_bill_list: JSON.stringify([{ amount, fundChannel: 'ALIPAYACCOUNT' }]),
    };
  }

  /** The signed payment notification of a paid trade (form body and headers), to post anywhere. */
  function paymentNotification(outTradeNo: string) {
    const trade = tradeOf(outTradeNo);
    if (trade.notifyId === null) throw new Error(`trade ${outTradeNo} is not paid`);
    const params = { ...tradeParams(trade, trade.notifyId), trade_status: 'TRADE_SUCCESS' };
    return { rawBody: signAlipayCallback({ params, privateKey: keys.alipayPrivateKey }), headers: form };
  }

  /** The signed notification of a refund that succeeded: refund_fee is the trade's whole refunded amount so far. */
  function refundNotification(outTradeNo: string, outRequestNo: string) {
    const trade = tradeOf(outTradeNo);
    const refund = refundOf(outTradeNo, outRequestNo);
    if (refund.succeededAt === null) throw new Error(`refund ${outRequestNo} has not succeeded: Alipay notifies only success`);
    const refundedSoFar = [...state.refunds.values()]
      .filter((other) => other.outTradeNo === outTradeNo && other.succeededAt !== null && other.succeededAt <= refund.succeededAt!)
      .reduce((sum, other) => sum + other.amount, 0);
    const params = {
      ...tradeParams(trade, refund.notifyId),
      trade_status: refundedSoFar === trade.amount ? 'TRADE_CLOSED' : 'TRADE_SUCCESS',
      refund_fee: convertFenToYuan(refundedSoFar),
      out_biz_no: outRequestNo,
      gmt_refund: `${formatAlipayTime(refund.succeededAt)}.${String(refund.succeededAt.getUTCMilliseconds()).padStart(3, '0')}`,
    };
    return { rawBody: signAlipayCallback({ params, privateKey: keys.alipayPrivateKey }), headers: form };
  }

  function sendRefundNotification(outTradeNo: string, outRequestNo: string, options: { url?: string } = {}): Promise<NotificationAnswer> {
    const url = options.url ?? tradeOf(outTradeNo).notifyUrl;
    if (!url) throw new Error(`trade ${outTradeNo} has no notify_url; pass one`);
    return notifier.send({ provider: 'alipay', kind: 'refund', url, ...refundNotification(outTradeNo, outRequestNo) });
  }

  return {
    paymentNotification,
    refundNotification,
    sendRefundNotification,

    /** The shopper scans the code: the trade now exists at Alipay (WAIT_BUYER_PAY) for query and close. */
    scan: (outTradeNo: string) => scan(tradeOf(outTradeNo)),

    /** The shopper pays (scanning first if need be); the notification goes out as `notify` says. */
    async pay(
      outTradeNo: string,
      options: NotifyOptions & { buyerId?: string; at?: Date; evenIfClosed?: boolean } = {},
    ): Promise<PaidOrder> {
      const trade = tradeOf(outTradeNo);
      if (trade.paidAt !== null) throw new Error(`trade ${outTradeNo} is already paid`);
      if (trade.status === 'TRADE_CLOSED' && !options.evenIfClosed)
        throw new Error(`trade ${outTradeNo} is closed (evenIfClosed: true to race it)`);
      scan(trade);
      Object.assign(trade, {
        status: 'TRADE_SUCCESS',
        paidAt: options.at ?? new Date(),
        buyerId: options.buyerId ?? '2088102177846880',
        notifyId: alipayNotifyId(),
      });
      const sendNotification = (send: { url?: string } = {}) => {
        const url = send.url ?? options.url ?? trade.notifyUrl;
        if (!url) throw new Error(`trade ${outTradeNo} has no notify_url; pass one`);
        return notifier.send({ provider: 'alipay', kind: 'payment', url, ...paymentNotification(outTradeNo) });
      };
      return { transactionId: trade.tradeNo!, notifications: await deliverAs(() => sendNotification(), options), sendNotification };
    },

    /** The trade's state set as a test needs (closed on Alipay's side at expiry, say). */
    setTradeState(outTradeNo: string, status: 'WAIT_BUYER_PAY' | 'TRADE_CLOSED' | 'TRADE_FINISHED') {
      const trade = tradeOf(outTradeNo);
      scan(trade);
      trade.status = status;
    },

    /** A processing refund ends: SUCCESS (and its notification, as `notify` says) or FAILED (Alipay forgets it). */
    async settleRefund(
      outTradeNo: string,
      outRequestNo: string,
      outcome: 'SUCCESS' | 'FAILED',
      options: NotifyOptions & { at?: Date } = {},
    ) {
      const refund = refundOf(outTradeNo, outRequestNo);
      if (outcome === 'FAILED') {
        state.refunds.delete(alipayRefundKey(outTradeNo, outRequestNo));
        return [];
      }
      Object.assign(refund, { status: 'REFUND_SUCCESS', succeededAt: options.at ?? new Date() });
      return deliverAs(() => sendRefundNotification(outTradeNo, outRequestNo, options), options);
    },
  };
}
