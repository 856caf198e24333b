// The fake's orders and refunds written as WeChat Pay v3 writes them in its answers.
import { formatChinaTime } from '@/server/providers/wechatpay/format-china-time';
import type { FakeWechatpayKeys, FakeWechatpayOrder, FakeWechatpayRefund } from './fake-wechatpay-state';

const stateDescriptions: Record<FakeWechatpayOrder['tradeState'], string> = {
  NOTPAY: '订单未支付',
  USERPAYING: '用户支付中',
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  CLOSED: '订单已关闭',
  PAYERROR: '支付失败',
};

export function wechatpayOrderAnswer(keys: FakeWechatpayKeys, order: FakeWechatpayOrder): Record<string, unknown> {
  const paid = order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND';
  if (!paid) {
    return {
      appid: order.appid,
      mchid: keys.mchid,
      out_trade_no: order.outTradeNo,
      trade_state: order.tradeState,
      trade_state_desc: stateDescriptions[order.tradeState],
      amount: { total: order.amount, payer_currency: order.currency },
      promotion_detail: [],
    };
  }
  return {
    appid: order.appid,
    mchid: keys.mchid,
    out_trade_no: order.outTradeNo,
    transaction_id: order.transactionId,
    trade_type: 'NATIVE',
    trade_state: order.tradeState,
    trade_state_desc: stateDescriptions[order.tradeState],
    bank_type: 'OTHERS',
    attach: '',
    success_time: formatChinaTime(order.successTime ?? new Date()),
    payer: { openid: order.payer ?? 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    amount: { total: order.amount, payer_total: order.amount, currency: order.currency, payer_currency: order.currency },
    scene_info: { device_id: order.device ?? '' },
    promotion_detail: [],
  };
}

export function wechatpayRefundAnswer(refund: FakeWechatpayRefund): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    success_time: refund.successTime === null ? undefined : formatChinaTime(refund.successTime),
    create_time: formatChinaTime(refund.createdAt),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.total,
      refund: refund.amount,
      payer_total: refund.total,
      payer_refund: refund.amount,
      settlement_refund: refund.amount,
      settlement_total: refund.total,
      discount_refund: 0,
      currency: 'CNY',
      refund_fee: 0,
    },
    promotion_detail: [],
  };
}
