import { formatChinaTime } from './format-china-time';
import type { WechatpayRefund } from './wechatpay-schemas';

// The refund counterpart of buildWechatpayTransactionResource, for REFUND.* callbacks from the sandbox.
export function buildWechatpayRefundResource(options: {
  mchid: string;
  outTradeNo: string;
  transactionId: string;
  outRefundNo: string;
  refundId: string;
  /** Integer fen: what was paid and what this refund returns. */
  total: number;
  refund: number;
  refundStatus?: 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  successTime?: Date;
}): WechatpayRefund {
  const refundStatus = options.refundStatus ?? 'SUCCESS';
  return {
    mchid: options.mchid,
    out_trade_no: options.outTradeNo,
    transaction_id: options.transactionId,
    out_refund_no: options.outRefundNo,
    refund_id: options.refundId,
    refund_status: refundStatus,
    success_time: refundStatus === 'SUCCESS' ? formatChinaTime(options.successTime ?? new Date()) : undefined,
    amount: { total: options.total, refund: options.refund, payer_total: options.total, payer_refund: options.refund },
  };
}
