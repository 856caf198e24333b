import type { ProviderClient } from '../provider-client';
import type { AlipayClientConfig } from './alipay-client-config';
import { closeAlipayOrder } from './close-alipay-order';
import { createAlipayRefund } from './create-alipay-refund';
import { downloadAlipayBill } from './download-alipay-bill';
import { precreateAlipayOrder } from './precreate-alipay-order';
import { queryAlipayOrder } from './query-alipay-order';
import { queryAlipayRefund } from './query-alipay-refund';

/** The lifecycle's provider interface over the Alipay open gateway (face-to-face precreate orders). */
export function createAlipayClient(config: AlipayClientConfig): ProviderClient {
  return {
    provider: 'alipay',
    createOrder: (input) => precreateAlipayOrder({ config, input }),
    queryOrder: (input) => queryAlipayOrder({ config, ...input }),
    closeOrder: (input) => closeAlipayOrder({ config, ...input }),
    refund: (input) => createAlipayRefund({ config, input }),
    queryRefund: (input) => queryAlipayRefund({ config, ...input }),
    downloadBill: (input) => downloadAlipayBill({ config, ...input }),
  };
}
