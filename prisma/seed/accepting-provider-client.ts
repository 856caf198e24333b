// A provider that takes every order and answers nothing else: for seeds, tests and benchmarks that play the WeChat Pay
// or Alipay side themselves (they sign the callbacks), where no provider server is there to place orders with.
import type { PayData, ProviderClient, ProviderExchange, ProviderResult } from '@/server/providers/provider-client';
import type { ProviderName } from '@/server/providers/provider-notification';

export function acceptingProviderClient(provider: ProviderName): ProviderClient {
  const exchange = (operation: ProviderExchange['operation'], ok: boolean): ProviderExchange => ({
    provider,
    operation,
    method: 'POST',
    url: `test:${operation}`,
    requestHeaders: {},
    requestBody: null,
    status: ok ? 200 : null,
    responseHeaders: {},
    responseBody: null,
    verdict: ok ? 'ok' : 'failed',
    reason: ok ? null : 'this stand-in provider only takes orders',
    startedAt: new Date(),
    durationMs: 0,
  });
  const unavailable = async (operation: ProviderExchange['operation']): Promise<ProviderResult<never>> => ({
    ok: false,
    failure: { kind: 'unavailable', code: null, message: 'this stand-in provider only takes orders' },
    exchange: exchange(operation, false),
  });
  return {
    provider,
    async createOrder(input) {
      const payData: PayData =
        provider === 'alipay'
          ? { qrCode: `https://qr.alipay.com/test${input.providerTradeNo}` }
          : { codeUrl: `weixin://wxpay/bizpayurl?pr=${input.providerTradeNo}` };
      return { ok: true, value: payData, exchange: exchange('create_order', true) };
    },
    queryOrder: () => unavailable('query_order'),
    closeOrder: () => unavailable('close_order'),
    refund: () => unavailable('refund'),
    queryRefund: () => unavailable('query_refund'),
  };
}
