import { findFieldMismatch } from '../find-field-mismatch';
import type { ProviderFailure, RefundStatus } from '../provider-client';
import type { WechatpayRefundAnswer } from './wechatpay-api-schemas';

const states: Record<string, RefundStatus['state']> = {
  SUCCESS: 'succeeded',
  PROCESSING: 'processing',
  CLOSED: 'closed',
  ABNORMAL: 'abnormal',
};

/** A verified refund answer checked against our refund, then read as a `RefundStatus`. */
export function readWechatpayRefundStatus(options: {
  answer: WechatpayRefundAnswer;
  providerTradeNo: string;
  providerRefundNo: string;
  amount?: number;
  totalAmount?: number;
}): { value: RefundStatus } | { failure: ProviderFailure } {
  const { answer } = options;
  const mismatch = findFieldMismatch([
    ['out_refund_no', answer.out_refund_no, options.providerRefundNo],
    ['out_trade_no', answer.out_trade_no, options.providerTradeNo],
    ['amount.refund', answer.amount.refund, options.amount],
    ['amount.total', answer.amount.total, options.totalAmount],
  ]);
  if (mismatch !== null) return { failure: { kind: 'untrusted', code: null, message: mismatch } };
  const state = states[answer.status];
  if (state === undefined) {
    return {
      failure: {
        kind: 'untrusted',
        code: null,
        message: `refund status ${JSON.stringify(answer.status.slice(0, 32))} is not one WeChat Pay documents`,
      },
    };
  }
  return {
    value: {
      state,
      providerRefundId: answer.refund_id,
      amount: answer.amount.refund,
      succeededAt: state === 'succeeded' && answer.success_time !== undefined ? new Date(answer.success_time) : null,
      refundState: answer.status,
    },
  };
}
