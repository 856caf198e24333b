import { AppError } from '@/lib/errors';
import type { ProviderName, ProviderNotification } from '../provider-notification';
import { parseJsonWithSchema } from './parse-json-with-schema';
import { wechatpayPaymentEventTypes } from './wechatpay-event-types';
import { wechatpayRefundSchema, wechatpayTransactionSchema } from './wechatpay-schemas';

function checkMchid(actual: string, expected: string | undefined): void {
  if (expected !== undefined && actual !== expected) {
    throw new AppError('validation_failed', `resource mchid ${actual} is not our merchant id ${expected}`);
  }
}

// Turns a decrypted resource into the provider-neutral notification intake works with.
export function normalizeWechatpayResource(options: {
  eventType: string;
  notificationId: string;
  plaintext: string;
  provider: ProviderName;
  mchid?: string;
}): ProviderNotification {
  const { notificationId, provider } = options;
  if (wechatpayPaymentEventTypes.has(options.eventType)) {
    const trade = parseJsonWithSchema(options.plaintext, wechatpayTransactionSchema, 'Decrypted transaction resource');
    checkMchid(trade.mchid, options.mchid);
    return {
      kind: 'payment',
      provider,
      notificationId,
      outTradeNo: trade.out_trade_no,
      providerTransactionId: trade.transaction_id,
      paid: trade.trade_state === 'SUCCESS',
      tradeState: trade.trade_state,
      amount: trade.amount.total,
      currency: trade.amount.currency,
      paidAt: trade.success_time === undefined ? null : new Date(trade.success_time),
      payer: trade.payer?.openid ?? null,
      device: trade.scene_info?.device_id ?? null,
    };
  }
  const refund = parseJsonWithSchema(options.plaintext, wechatpayRefundSchema, 'Decrypted refund resource');
  checkMchid(refund.mchid, options.mchid);
  return {
    kind: 'refund',
    provider,
    notificationId,
    outTradeNo: refund.out_trade_no,
    outRefundNo: refund.out_refund_no,
    providerRefundId: refund.refund_id,
    providerTransactionId: refund.transaction_id,
    refundStatus: refund.refund_status,
    amount: refund.amount.refund,
    currency: 'CNY',
    succeededAt: refund.success_time === undefined ? null : new Date(refund.success_time),
  };
}
