import { AppError, isAppError } from '@/lib/errors';
import { completeProviderCall } from '../complete-provider-call';
import { findFieldMismatch } from '../find-field-mismatch';
import { parseProviderAnswer } from '../parse-provider-answer';
import type { ProviderResult, RefundInput, RefundStatus } from '../provider-client';
import { alipayRefundSchema } from './alipay-api-schemas';
import type { AlipayClientConfig } from './alipay-client-config';
import { callAlipay } from './call-alipay';
import { convertFenToYuan } from './convert-fen-to-yuan';
import { convertYuanToFen } from './convert-yuan-to-fen';
import { parseChinaTime } from './parse-china-time';

/**
 * alipay.trade.refund, keyed on out_request_no: the same number again is the same refund. fund_change Y means the
 * money moved in this call; N (a repeat, or not done yet) leaves the refund `processing` until a query says so.
 * The answer's refund_fee is the trade's whole refunded amount, so it can only be checked to cover this refund.
 */
export async function createAlipayRefund(options: {
  config: AlipayClientConfig;
  input: RefundInput;
}): Promise<ProviderResult<RefundStatus>> {
  const { config, input } = options;
  if (input.currency !== 'CNY') throw new AppError('validation_failed', `Alipay domestic refunds are in CNY, not ${input.currency}`);
  const { draft, reply } = await callAlipay({
    config,
    operation: 'refund',
    method: 'alipay.trade.refund',
    bizContent: {
      out_trade_no: input.providerTradeNo,
      out_request_no: input.providerRefundNo,
      refund_amount: convertFenToYuan(input.amount),
      refund_reason: [...input.reason].slice(0, 256).join('') || undefined,
    },
  });
  if (reply.kind === 'failure') return completeProviderCall(draft, { failure: reply.failure });
  if (reply.kind === 'error')
    return completeProviderCall(draft, { failure: { kind: 'refused', code: reply.code, message: reply.message } });
  const parsed = parseProviderAnswer(reply.text, alipayRefundSchema, 'Alipay refund answer');
  if ('failure' in parsed) return completeProviderCall(draft, parsed);
  const answer = parsed.data;
  const untrusted = (message: string) => completeProviderCall<RefundStatus>(draft, { failure: { kind: 'untrusted', code: null, message } });
  let refunded: number;
  let sentBack: number | null;
  let succeededAt: Date | null;
  try {
    refunded = convertYuanToFen(answer.refund_fee, 'refund_fee');
    sentBack = answer.send_back_fee === undefined ? null : convertYuanToFen(answer.send_back_fee, 'send_back_fee');
    succeededAt = answer.gmt_refund_pay === undefined ? null : parseChinaTime(answer.gmt_refund_pay, 'gmt_refund_pay');
  } catch (error) {
    if (!isAppError(error)) throw error;
    return untrusted(error.message);
  }
  const mismatch = findFieldMismatch([
    ['out_trade_no', answer.out_trade_no, input.providerTradeNo],
    ['send_back_fee', sentBack ?? input.amount, input.amount],
  ]);
  if (mismatch !== null) return untrusted(mismatch);
  if (refunded < input.amount || refunded > input.totalAmount) {
    return untrusted(
      `refund_fee ${answer.refund_fee} cannot include this refund of ${convertFenToYuan(input.amount)} on a trade of ${convertFenToYuan(input.totalAmount)}`,
    );
  }
  const succeeded = answer.fund_change === 'Y';
  return completeProviderCall(draft, {
    value: {
      state: succeeded ? 'succeeded' : 'processing',
      providerRefundId: `${answer.trade_no}:${input.providerRefundNo}`,
      amount: sentBack,
      succeededAt: succeeded ? succeededAt : null,
      refundState: `fund_change=${answer.fund_change}`,
    },
  });
}
