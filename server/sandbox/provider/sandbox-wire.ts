import { formatChinaTime } from '@/server/providers/wechatpay/format-china-time';
import type { SandboxOrder, SandboxRefund } from '@/generated/prisma/client';
import { sandboxAppid, sandboxMchid } from '../sandbox-keys';

/** A sandbox order as WeChat Pay v3's order query answers it; `amountDelta` is the wrong_amount fault. */
export function toWechatTransaction(order: SandboxOrder, amountDelta = 0) {
  const paid = order.state === 'SUCCESS' || order.state === 'REFUND';
  const total = order.amount + amountDelta;
  return {
    appid: sandboxAppid,
    mchid: sandboxMchid,
    out_trade_no: order.outTradeNo,
    transaction_id: paid ? order.transactionId : undefined,
    trade_type: 'NATIVE',
    trade_state: order.state,
    trade_state_desc: tradeStateDescriptions[order.state] ?? order.state,
    bank_type: paid ? 'OTHERS' : undefined,
    success_time: paid && order.paidAt ? formatChinaTime(order.paidAt) : undefined,
    payer: paid && order.payer ? { openid: order.payer } : undefined,
    amount: paid
      ? { total, payer_total: total, currency: order.currency, payer_currency: order.currency }
      : { total, currency: order.currency },
    scene_info: paid && order.device ? { device_id: order.device } : undefined,
  };
}

/** A sandbox refund as WeChat Pay v3's refund and refund query answer it. */
export function toWechatRefund(refund: SandboxRefund, order: SandboxOrder) {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: order.transactionId,
    out_trade_no: order.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    success_time: refund.succeededAt ? formatChinaTime(refund.succeededAt) : undefined,
    create_time: formatChinaTime(refund.createdAt),
    status: refund.state,
    funds_account: 'AVAILABLE',
    amount: {
      total: order.amount,
      refund: refund.amount,
      payer_total: order.amount,
      payer_refund: refund.amount,
      settlement_refund: refund.amount,
      settlement_total: order.amount,
      discount_refund: 0,
      currency: order.currency,
    },
  };
}

const tradeStateDescriptions: Record<string, string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  CLOSED: '已关闭',
};
