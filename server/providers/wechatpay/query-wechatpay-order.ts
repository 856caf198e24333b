import { completeProviderCall } from '../complete-provider-call';
import type { OrderStatus, ProviderResult } from '../provider-client';
import { parseProviderAnswer } from '../parse-provider-answer';
import { callWechatpay } from './call-wechatpay';
import { readWechatpayOrderStatus } from './read-wechatpay-order-status';
import { wechatpayOrderSchema } from './wechatpay-api-schemas';
import type { WechatpayClientConfig } from './wechatpay-client-config';

// The v3 docs say ORDER_NOT_EXIST; older pages and some answers spell it ORDERNOTEXIST.
const notFoundCodes: ReadonlySet<string> = new Set(['ORDER_NOT_EXIST', 'ORDERNOTEXIST']);

/** GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=…: the provider's word on one order. */
export async function queryWechatpayOrder(options: {
  config: WechatpayClientConfig;
  providerTradeNo: string;
  amount?: number;
}): Promise<ProviderResult<OrderStatus>> {
  const { config, providerTradeNo } = options;
  const { draft, reply } = await callWechatpay({
    config,
    operation: 'query_order',
    method: 'GET',
    path: `/v3/pay/transactions/out-trade-no/${encodeURIComponent(providerTradeNo)}?mchid=${encodeURIComponent(config.mchid)}`,
  });
  if (reply.kind === 'failure') return completeProviderCall(draft, { failure: reply.failure });
  if (reply.kind === 'error') {
    if (notFoundCodes.has(reply.code)) return completeProviderCall(draft, { value: { state: 'not_found', tradeState: reply.code } });
    return completeProviderCall(draft, { failure: { kind: 'refused', code: reply.code, message: reply.message } });
  }
  const parsed = parseProviderAnswer(reply.text, wechatpayOrderSchema, 'WeChat Pay order answer');
  if ('failure' in parsed) return completeProviderCall(draft, parsed);
  const status = readWechatpayOrderStatus({
    answer: parsed.data,
    mchid: config.mchid,
    appid: config.appid,
    providerTradeNo,
    amount: options.amount,
  });
  return completeProviderCall(draft, status);
}
