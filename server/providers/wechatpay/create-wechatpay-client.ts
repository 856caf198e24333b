import type { ProviderClient } from '../provider-client';
import { closeWechatpayOrder } from './close-wechatpay-order';
import { createWechatpayNativeOrder } from './create-wechatpay-native-order';
import { createWechatpayRefund } from './create-wechatpay-refund';
import { downloadWechatpayTradeBill } from './download-wechatpay-trade-bill';
import { queryWechatpayOrder } from './query-wechatpay-order';
import { queryWechatpayRefund } from './query-wechatpay-refund';
import type { WechatpayClientConfig } from './wechatpay-client-config';

/** The lifecycle's provider interface over WeChat Pay API v3 (direct merchant, Native orders). */
export function createWechatpayClient(config: WechatpayClientConfig): ProviderClient {
  return {
    provider: 'wechatpay',
    createOrder: (input) => createWechatpayNativeOrder({ config, input }),
    queryOrder: (input) => queryWechatpayOrder({ config, ...input }),
    closeOrder: (input) => closeWechatpayOrder({ config, ...input }),
    refund: (input) => createWechatpayRefund({ config, input }),
    queryRefund: (input) => queryWechatpayRefund({ config, ...input }),
    downloadBill: (input) => downloadWechatpayTradeBill({ config, ...input }),
  };
}
