// What a test makes the fake WeChat Pay do on its own side: a shopper pays, an order closes, a refund ends; and the
// signed notifications that follow, sent as WeChat Pay sends them (or lost, duplicated, held back).
import { randomUUID } from 'node:crypto';
import { buildWechatpayRefundResource } from '@/server/providers/wechatpay/build-wechatpay-refund-resource';
import { buildWechatpayTransactionResource } from '@/server/providers/wechatpay/build-wechatpay-transaction-resource';
import { signWechatpayCallback } from '@/server/providers/wechatpay/sign-wechatpay-callback';
import { deliverAs, type NotificationAnswer, type Notifier, type NotifyOptions, type PaidOrder } from './fake-notifications';
import { wechatpayTransactionId, type FakeWechatpayOrder, type FakeWechatpayRefund, type FakeWechatpayState } from './fake-wechatpay-state';

export function createWechatpayControl(state: FakeWechatpayState, notifier: Notifier) {
  const { keys } = state;
  const sign = (id: string, eventType: string, resource: object) =>
    signWechatpayCallback({
      notification: { id, eventType, resource },
      privateKey: keys.platformPrivateKey,
      serial: keys.platformSerial,
      apiV3Key: keys.apiV3Key,
    });

  const orderOf = (outTradeNo: string): FakeWechatpayOrder => {
    const order = state.orders.get(outTradeNo);
    if (!order) throw new Error(`the fake WeChat Pay has no order ${outTradeNo}`);
    return order;
  };
  const refundOf = (outRefundNo: string): FakeWechatpayRefund => {
    const refund = state.refunds.get(outRefundNo);
    if (!refund) throw new Error(`the fake WeChat Pay has no refund ${outRefundNo}`);
    return refund;
  };

  /** The signed TRANSACTION.SUCCESS notification of a paid order, to post anywhere. */
  function paymentNotification(outTradeNo: string) {
    const order = orderOf(outTradeNo);
    if (order.transactionId === null || order.notificationId === null) throw new Error(`order ${outTradeNo} is not paid`);
    const resource = buildWechatpayTransactionResource({
      mchid: keys.mchid,
      appid: order.appid,
      outTradeNo,
      transactionId: order.transactionId,
      amount: order.amount,
      currency: order.currency,
      payer: order.payer ?? undefined,
      device: order.device ?? undefined,
      successTime: order.successTime ?? undefined,
      tradeType: 'NATIVE',
    });
    return sign(order.notificationId, 'TRANSACTION.SUCCESS', resource);
  }

  /** The signed REFUND.* notification of a refund in its present state (SUCCESS, ABNORMAL or CLOSED). */
  function refundNotification(outRefundNo: string) {
    const refund = refundOf(outRefundNo);
    if (refund.status === 'PROCESSING') throw new Error(`refund ${outRefundNo} is still processing: WeChat Pay notifies only its end`);
    const resource = buildWechatpayRefundResource({
      mchid: keys.mchid,
      outTradeNo: refund.outTradeNo,
      transactionId: refund.transactionId,
      outRefundNo,
      refundId: refund.refundId,
      total: refund.total,
      refund: refund.amount,
      refundStatus: refund.status,
      successTime: refund.successTime ?? undefined,
    });
    return sign(`EV-${refund.refundId}-${refund.status}`, `REFUND.${refund.status}`, resource);
  }

  function sendRefundNotification(outRefundNo: string, options: { url?: string } = {}): Promise<NotificationAnswer> {
    const refund = refundOf(outRefundNo);
    const url = options.url ?? refund.notifyUrl;
    if (!url) throw new Error(`refund ${outRefundNo} has no notify_url; pass one`);
    return notifier.send({ provider: 'wechatpay', kind: 'refund', url, ...refundNotification(outRefundNo) });
  }

  return {
    paymentNotification,
    refundNotification,
    sendRefundNotification,

    /** The shopper pays: the order becomes SUCCESS and its notification goes out as `notify` says. */
    async pay(
      outTradeNo: string,
      options: NotifyOptions & { payer?: string; device?: string; at?: Date; transactionId?: string; evenIfClosed?: boolean } = {},
    ): Promise<PaidOrder> {
      const order = orderOf(outTradeNo);
      if (order.transactionId !== null) throw new Error(`order ${outTradeNo} is already paid`);
      if (order.tradeState === 'CLOSED' && !options.evenIfClosed)
        throw new Error(`order ${outTradeNo} is closed (evenIfClosed: true to race it)`);
      const transactionId = options.transactionId ?? wechatpayTransactionId();
      Object.assign(order, {
        tradeState: 'SUCCESS',
        transactionId,
        successTime: options.at ?? new Date(),
        payer: options.payer ?? 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
        device: options.device ?? null,
        notificationId: randomUUID(),
      });
      const sendNotification = (send: { url?: string } = {}) =>
        notifier.send({
          provider: 'wechatpay',
          kind: 'payment',
          url: send.url ?? options.url ?? order.notifyUrl,
          ...paymentNotification(outTradeNo),
        });
      return { transactionId, notifications: await deliverAs(() => sendNotification(), options), sendNotification };
    },

    /** The order closes on WeChat Pay's side (expiry), or its state is set as a test needs (USERPAYING, PAYERROR). */
    setOrderState(outTradeNo: string, tradeState: 'CLOSED' | 'USERPAYING' | 'PAYERROR' | 'NOTPAY') {
      orderOf(outTradeNo).tradeState = tradeState;
    },

    /** A refund reaches its end; its REFUND.* notification goes out as `notify` says (`late`: call sendRefundNotification). */
    async settleRefund(outRefundNo: string, status: 'SUCCESS' | 'ABNORMAL' | 'CLOSED', options: NotifyOptions & { at?: Date } = {}) {
      const refund = refundOf(outRefundNo);
      refund.status = status;
      refund.successTime = status === 'SUCCESS' ? (options.at ?? new Date()) : null;
      return deliverAs(() => sendRefundNotification(outRefundNo, options), options);
    },
  };
}
