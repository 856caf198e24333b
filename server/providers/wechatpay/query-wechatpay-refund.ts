import { completeProviderCall } from '../complete-provider-call';
import type { ProviderResult, RefundStatus } from '../provider-client';
import { parseProviderAnswer } from '../parse-provider-answer';
import { callWechatpay } from './call-wechatpay';
import { readWechatpayRefundStatus } from './read-wechatpay-refund-status';
import { wechatpayRefundAnswerSchema } from './wechatpay-api-schemas';
import type { WechatpayClientConfig } from './wechatpay-client-config';

/** GET /v3/refund/domestic/refunds/{out_refund_no}; RESOURCE_NOT_EXISTS: WeChat Pay knows no such refund. */
export async function queryWechatpayRefund(options: {
  config: WechatpayClientConfig;
  providerTradeNo: string;
  providerRefundNo: string;
  amount?: number;
}): Promise<ProviderResult<RefundStatus>> {
  const { config, providerTradeNo, providerRefundNo } = options;
  const { draft, reply } = await callWechatpay({
    config,
    operation: 'query_refund',
    method: 'GET',
    path: `/v3/refund/domestic/refunds/${encodeURIComponent(providerRefundNo)}`,
  });
  if (reply.kind === 'failure') return completeProviderCall(draft, { failure: reply.failure });
  if (reply.kind === 'error') {
    if (reply.code === 'RESOURCE_NOT_EXISTS') {
      const value: RefundStatus = { state: 'not_found', providerRefundId: null, amount: null, succeededAt: null, refundState: reply.code };
      return completeProviderCall(draft, { value });
    }
    return completeProviderCall(draft, { failure: { kind: 'refused', code: reply.code, message: reply.message } });
  }
  const parsed = parseProviderAnswer(reply.text, wechatpayRefundAnswerSchema, 'WeChat Pay refund answer');
  if ('failure' in parsed) return completeProviderCall(draft, parsed);
  return completeProviderCall(
    draft,
    readWechatpayRefundStatus({ answer: parsed.data, providerTradeNo, providerRefundNo, amount: options.amount }),
  );
}
