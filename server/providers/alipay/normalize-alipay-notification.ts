import { AppError } from '@/lib/errors';
import type { ProviderNotification } from '../provider-notification';
import type { AlipayNotification } from './alipay-notification-schema';
import { convertYuanToFen } from './convert-yuan-to-fen';
import { parseChinaTime } from './parse-china-time';

const paidStatuses: ReadonlySet<string> = new Set(['TRADE_SUCCESS', 'TRADE_FINISHED']);

// A notification carrying refund_fee and out_biz_no reports a refund; any other reports the trade itself.
export function normalizeAlipayNotification(params: AlipayNotification): ProviderNotification {
  const { refund_fee: refundFee, out_biz_no: outBizNo } = params;
  if ((refundFee === undefined) !== (outBizNo === undefined)) {
    throw new AppError('validation_failed', 'Alipay refund notification needs both refund_fee and out_biz_no');
  }
  if (refundFee !== undefined && outBizNo !== undefined) {
    return {
      kind: 'refund',
      provider: 'alipay',
      notificationId: params.notify_id,
      outTradeNo: params.out_trade_no,
      outRefundNo: outBizNo,
      providerRefundId: `${params.trade_no}:${outBizNo}`,
      providerTransactionId: params.trade_no,
      refundStatus: 'SUCCESS',
      amount: convertYuanToFen(refundFee, 'refund_fee'),
      currency: 'CNY',
      succeededAt: params.gmt_refund === undefined ? null : parseChinaTime(params.gmt_refund, 'gmt_refund'),
    };
  }
  return {
    kind: 'payment',
    provider: 'alipay',
    notificationId: params.notify_id,
    outTradeNo: params.out_trade_no,
    providerTransactionId: params.trade_no,
    paid: paidStatuses.has(params.trade_status),
    tradeState: params.trade_status,
    amount: convertYuanToFen(params.total_amount, 'total_amount'),
    currency: 'CNY',
    paidAt: params.gmt_payment === undefined ? null : parseChinaTime(params.gmt_payment, 'gmt_payment'),
    payer: params.buyer_id ?? params.buyer_logon_id ?? null,
    device: null,
  };
}
