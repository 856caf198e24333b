import { AppError } from '@/lib/errors';
import { completeProviderCall } from '../complete-provider-call';
import type { ProviderResult, RefundInput, RefundStatus } from '../provider-client';
import { parseProviderAnswer } from '../parse-provider-answer';
import { callWechatpay } from './call-wechatpay';
import { readWechatpayRefundStatus } from './read-wechatpay-refund-status';
import { wechatpayRefundAnswerSchema } from './wechatpay-api-schemas';
import type { WechatpayClientConfig } from './wechatpay-client-config';

/**
 * POST /v3/refund/domestic/refunds. WeChat Pay keys a refund on out_refund_no, so a retry with the same number is
 * the same refund; its answer is usually PROCESSING, the end comes by notification or query.
 */
export async function createWechatpayRefund(options: {
  config: WechatpayClientConfig;
  input: RefundInput;
}): Promise<ProviderResult<RefundStatus>> {
  const { config, input } = options;
  if (input.currency !== 'CNY') throw new AppError('validation_failed', `WeChat Pay domestic refunds are in CNY, not ${input.currency}`);
  const { draft, reply } = await callWechatpay({
    config,
    operation: 'refund',
    method: 'POST',
    path: '/v3/refund/domestic/refunds',
    body: {
      out_trade_no: input.providerTradeNo,
      out_refund_no: input.providerRefundNo,
      // Shown to the shopper; WeChat allows 80 characters.
      reason: [...input.reason].slice(0, 80).join('') || undefined,
      notify_url: input.notifyUrl,
      amount: { refund: input.amount, total: input.totalAmount, currency: 'CNY' },
    },
  });
  if (reply.kind === 'failure') return completeProviderCall(draft, { failure: reply.failure });
  if (reply.kind === 'error')
    return completeProviderCall(draft, { failure: { kind: 'refused', code: reply.code, message: reply.message } });
  const parsed = parseProviderAnswer(reply.text, wechatpayRefundAnswerSchema, 'WeChat Pay refund answer');
  if ('failure' in parsed) return completeProviderCall(draft, parsed);
  return completeProviderCall(
    draft,
    readWechatpayRefundStatus({
      answer: parsed.data,
      providerTradeNo: input.providerTradeNo,
      providerRefundNo: input.providerRefundNo,
      amount: input.amount,
      totalAmount: input.totalAmount,
    }),
  );
}
