import { AppError } from '@/lib/errors';
import { completeProviderCall } from '../complete-provider-call';
import type { CreateOrderInput, PayData, ProviderResult } from '../provider-client';
import { parseProviderAnswer } from '../parse-provider-answer';
import { callWechatpay } from './call-wechatpay';
import { formatChinaTime } from './format-china-time';
import { wechatpayNativeOrderSchema } from './wechatpay-api-schemas';
import type { WechatpayClientConfig } from './wechatpay-client-config';

/** Native (QR code) order: POST /v3/pay/transactions/native → the shopper scans `code_url`. */
export async function createWechatpayNativeOrder(options: {
  config: WechatpayClientConfig;
  input: CreateOrderInput;
}): Promise<ProviderResult<PayData>> {
  const { config, input } = options;
  if (input.currency !== 'CNY') throw new AppError('validation_failed', `WeChat Pay domestic orders are in CNY, not ${input.currency}`);
  const { draft, reply } = await callWechatpay({
    config,
    operation: 'create_order',
    method: 'POST',
    path: '/v3/pay/transactions/native',
    body: {
      appid: config.appid,
      mchid: config.mchid,
      // WeChat counts characters and allows 127.
      description: [...input.description].slice(0, 127).join('') || input.providerTradeNo,
      out_trade_no: input.providerTradeNo,
      time_expire: formatChinaTime(input.expiresAt),
      notify_url: input.notifyUrl,
      amount: { total: input.amount, currency: 'CNY' },
    },
  });
  if (reply.kind === 'failure') return completeProviderCall(draft, { failure: reply.failure });
  if (reply.kind === 'error')
    return completeProviderCall(draft, { failure: { kind: 'refused', code: reply.code, message: reply.message } });
  const parsed = parseProviderAnswer(reply.text, wechatpayNativeOrderSchema, 'WeChat Pay Native order answer');
  if ('failure' in parsed) return completeProviderCall(draft, parsed);
  return completeProviderCall(draft, { value: { codeUrl: parsed.data.code_url } });
}
