import { isAppError } from '@/lib/errors';
import { completeProviderCall } from '../complete-provider-call';
import { findFieldMismatch } from '../find-field-mismatch';
import { parseProviderAnswer } from '../parse-provider-answer';
import type { ProviderResult, RefundStatus } from '../provider-client';
import { alipayRefundQuerySchema } from './alipay-api-schemas';
import type { AlipayClientConfig } from './alipay-client-config';
import { callAlipay } from './call-alipay';
import { convertYuanToFen } from './convert-yuan-to-fen';
import { parseChinaTime } from './parse-china-time';

const notFound: RefundStatus = {
  state: 'not_found',
  providerRefundId: null,
  amount: null,
  succeededAt: null,
  refundState: 'ACQ.TRADE_NOT_EXIST',
};

/**
 * alipay.trade.fastpay.refund.query. REFUND_SUCCESS is the end; an answer naming the refund without that status is
 * still processing; an answer without the refund (or ACQ.TRADE_NOT_EXIST) means Alipay knows no such refund.
 */
export async function queryAlipayRefund(options: {
  config: AlipayClientConfig;
  providerTradeNo: string;
  providerRefundNo: string;
  amount?: number;
}): Promise<ProviderResult<RefundStatus>> {
  const { providerTradeNo, providerRefundNo } = options;
  const { draft, reply } = await callAlipay({
    config: options.config,
    operation: 'query_refund',
    method: 'alipay.trade.fastpay.refund.query',
    bizContent: { out_trade_no: providerTradeNo, out_request_no: providerRefundNo, query_options: ['gmt_refund_pay'] },
  });
  if (reply.kind === 'failure') return completeProviderCall(draft, { failure: reply.failure });
  if (reply.kind === 'error') {
    if (reply.code === 'ACQ.TRADE_NOT_EXIST') return completeProviderCall(draft, { value: notFound });
    return completeProviderCall(draft, { failure: { kind: 'refused', code: reply.code, message: reply.message } });
  }
  const parsed = parseProviderAnswer(reply.text, alipayRefundQuerySchema, 'Alipay refund query answer');
  if ('failure' in parsed) return completeProviderCall(draft, parsed);
  const answer = parsed.data;
  if (answer.refund_amount === undefined) return completeProviderCall(draft, { value: { ...notFound, refundState: 'no refund_amount' } });
  const untrusted = (message: string) => completeProviderCall<RefundStatus>(draft, { failure: { kind: 'untrusted', code: null, message } });
  let amount: number;
  let succeededAt: Date | null;
  try {
    amount = convertYuanToFen(answer.refund_amount, 'refund_amount');
    succeededAt = answer.gmt_refund_pay === undefined ? null : parseChinaTime(answer.gmt_refund_pay, 'gmt_refund_pay');
  } catch (error) {
    if (!isAppError(error)) throw error;
    return untrusted(error.message);
  }
  const mismatch = findFieldMismatch([
    ['out_trade_no', answer.out_trade_no ?? providerTradeNo, providerTradeNo],
    ['out_request_no', answer.out_request_no ?? providerRefundNo, providerRefundNo],
    ['refund_amount', amount, options.amount],
  ]);
  if (mismatch !== null) return untrusted(mismatch);
  const succeeded = answer.refund_status === 'REFUND_SUCCESS';
  return completeProviderCall(draft, {
    value: {
      state: succeeded ? 'succeeded' : 'processing',
      providerRefundId: answer.trade_no === undefined ? null : `${answer.trade_no}:${providerRefundNo}`,
      amount,
      succeededAt: succeeded ? succeededAt : null,
      refundState: answer.refund_status ?? 'no refund_status',
    },
  });
}
