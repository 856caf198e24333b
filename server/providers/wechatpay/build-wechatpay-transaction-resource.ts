import { formatChinaTime } from './format-china-time';
import type { WechatpayTransaction } from './wechatpay-schemas';

// Lets the sandbox, tests and benchmarks describe a payment without hand-writing WeChat Pay JSON.
export function buildWechatpayTransactionResource(options: {
  mchid: string;
  outTradeNo: string;
  transactionId: string;
  /** Integer fen. */
  amount: number;
  currency: string;
  payer?: string;
  device?: string;
  successTime?: Date;
  appid?: string;
  tradeState?: string;
  /** NATIVE for a QR-code order; MICROPAY (the shopper's payment code) when not said. */
  tradeType?: string;
}): WechatpayTransaction {
  const tradeState = options.tradeState ?? 'SUCCESS';
  return {
    mchid: options.mchid,
    appid: options.appid ?? 'wx0000000000000000',
    out_trade_no: options.outTradeNo,
    transaction_id: options.transactionId,
    trade_type: options.tradeType ?? 'MICROPAY',
    trade_state: tradeState,
    trade_state_desc: tradeState === 'SUCCESS' ? '支付成功' : tradeState,
    bank_type: 'OTHERS',
    success_time: tradeState === 'SUCCESS' ? formatChinaTime(options.successTime ?? new Date()) : undefined,
    payer: options.payer === undefined ? undefined : { openid: options.payer },
    amount: { total: options.amount, payer_total: options.amount, currency: options.currency, payer_currency: options.currency },
    scene_info: options.device === undefined ? undefined : { device_id: options.device },
  };
}
