import { completeProviderCall } from '../complete-provider-call';
import type { ProviderResult } from '../provider-client';
import { callWechatpay } from './call-wechatpay';
import type { WechatpayClientConfig } from './wechatpay-client-config';

// Closing an order that is already closed is what we wanted: WeChat says so with ORDER_CLOSED.
const alreadyClosedCodes: ReadonlySet<string> = new Set(['ORDER_CLOSED', 'ORDERCLOSED']);

/** POST /v3/pay/transactions/out-trade-no/{no}/close: 204 when closed; a paid order answers ORDERPAID (refused). */
export async function closeWechatpayOrder(options: {
  config: WechatpayClientConfig;
  providerTradeNo: string;
}): Promise<ProviderResult<{ closed: true }>> {
  const { config } = options;
  const { draft, reply } = await callWechatpay({
    config,
    operation: 'close_order',
    method: 'POST',
    path: `/v3/pay/transactions/out-trade-no/${encodeURIComponent(options.providerTradeNo)}/close`,
    body: { mchid: config.mchid },
  });
  if (reply.kind === 'failure') return completeProviderCall(draft, { failure: reply.failure });
  if (reply.kind === 'error' && !alreadyClosedCodes.has(reply.code)) {
    return completeProviderCall(draft, { failure: { kind: 'refused', code: reply.code, message: reply.message } });
  }
  return completeProviderCall(draft, { value: { closed: true } });
}
