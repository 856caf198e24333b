import { completeProviderCall } from '../complete-provider-call';
import { parseProviderAnswer } from '../parse-provider-answer';
import type { OrderStatus, ProviderResult } from '../provider-client';
import { alipayTradeSchema } from './alipay-api-schemas';
import type { AlipayClientConfig } from './alipay-client-config';
import { callAlipay } from './call-alipay';
import { readAlipayTradeStatus } from './read-alipay-trade-status';

/**
 * alipay.trade.query. A precreated order exists at Alipay only once the shopper has scanned it: until then the
 * answer is ACQ.TRADE_NOT_EXIST, read as `not_found`.
 */
export async function queryAlipayOrder(options: {
  config: AlipayClientConfig;
  providerTradeNo: string;
  amount?: number;
}): Promise<ProviderResult<OrderStatus>> {
  const { draft, reply } = await callAlipay({
    config: options.config,
    operation: 'query_order',
    method: 'alipay.trade.query',
    bizContent: { out_trade_no: options.providerTradeNo },
  });
  if (reply.kind === 'failure') return completeProviderCall(draft, { failure: reply.failure });
  if (reply.kind === 'error') {
    if (reply.code === 'ACQ.TRADE_NOT_EXIST') return completeProviderCall(draft, { value: { state: 'not_found', tradeState: reply.code } });
    return completeProviderCall(draft, { failure: { kind: 'refused', code: reply.code, message: reply.message } });
  }
  const parsed = parseProviderAnswer(reply.text, alipayTradeSchema, 'Alipay trade query answer');
  if ('failure' in parsed) return completeProviderCall(draft, parsed);
  return completeProviderCall(
    draft,
    readAlipayTradeStatus({ answer: parsed.data, providerTradeNo: options.providerTradeNo, amount: options.amount }),
  );
}
