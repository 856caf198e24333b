import { completeProviderCall } from '../complete-provider-call';
import { findFieldMismatch } from '../find-field-mismatch';
import { parseProviderAnswer } from '../parse-provider-answer';
import type { ProviderResult } from '../provider-client';
import { alipayCloseSchema } from './alipay-api-schemas';
import type { AlipayClientConfig } from './alipay-client-config';
import { callAlipay } from './call-alipay';

/**
 * alipay.trade.close. A paid or already closed trade answers ACQ.TRADE_STATUS_ERROR, and an order nobody scanned
 * ACQ.TRADE_NOT_EXIST: both are `refused` with that code, and only a query tells which state the order is in.
 */
export async function closeAlipayOrder(options: {
  config: AlipayClientConfig;
  providerTradeNo: string;
}): Promise<ProviderResult<{ closed: true }>> {
  const { draft, reply } = await callAlipay({
    config: options.config,
    operation: 'close_order',
    method: 'alipay.trade.close',
    bizContent: { out_trade_no: options.providerTradeNo },
  });
  if (reply.kind === 'failure') return completeProviderCall(draft, { failure: reply.failure });
  if (reply.kind === 'error')
    return completeProviderCall(draft, { failure: { kind: 'refused', code: reply.code, message: reply.message } });
  const parsed = parseProviderAnswer(reply.text, alipayCloseSchema, 'Alipay close answer');
  if ('failure' in parsed) return completeProviderCall(draft, parsed);
  const mismatch = findFieldMismatch([['out_trade_no', parsed.data.out_trade_no ?? options.providerTradeNo, options.providerTradeNo]]);
  if (mismatch !== null) return completeProviderCall(draft, { failure: { kind: 'untrusted', code: null, message: mismatch } });
  return completeProviderCall(draft, { value: { closed: true } });
}
