import { AppError } from '@/lib/errors';
import { completeProviderCall } from '../complete-provider-call';
import { findFieldMismatch } from '../find-field-mismatch';
import { parseProviderAnswer } from '../parse-provider-answer';
import type { CreateOrderInput, PayData, ProviderResult } from '../provider-client';
import { alipayPrecreateSchema } from './alipay-api-schemas';
import type { AlipayClientConfig } from './alipay-client-config';
import { callAlipay } from './call-alipay';
import { convertFenToYuan } from './convert-fen-to-yuan';
import { formatAlipayTime } from './format-alipay-time';

/** alipay.trade.precreate: a QR-code order; the shopper scans `qr_code`. */
export async function precreateAlipayOrder(options: {
  config: AlipayClientConfig;
  input: CreateOrderInput;
}): Promise<ProviderResult<PayData>> {
  const { config, input } = options;
  if (input.currency !== 'CNY') throw new AppError('validation_failed', `Alipay domestic orders are in CNY, not ${input.currency}`);
  const { draft, reply } = await callAlipay({
    config,
    operation: 'create_order',
    method: 'alipay.trade.precreate',
    notifyUrl: input.notifyUrl,
    bizContent: {
      out_trade_no: input.providerTradeNo,
      total_amount: convertFenToYuan(input.amount),
      // Alipay allows 256 characters.
      subject: [...input.description].slice(0, 256).join('') || input.providerTradeNo,
      time_expire: formatAlipayTime(input.expiresAt),
    },
  });
  if (reply.kind === 'failure') return completeProviderCall(draft, { failure: reply.failure });
  if (reply.kind === 'error')
    return completeProviderCall(draft, { failure: { kind: 'refused', code: reply.code, message: reply.message } });
  const parsed = parseProviderAnswer(reply.text, alipayPrecreateSchema, 'Alipay precreate answer');
  if ('failure' in parsed) return completeProviderCall(draft, parsed);
  const mismatch = findFieldMismatch([['out_trade_no', parsed.data.out_trade_no, input.providerTradeNo]]);
  if (mismatch !== null) return completeProviderCall(draft, { failure: { kind: 'untrusted', code: null, message: mismatch } });
  return completeProviderCall(draft, { value: { qrCode: parsed.data.qr_code } });
}
