import { isAppError } from '@/lib/errors';
import { findFieldMismatch } from '../find-field-mismatch';
import type { OrderStatus, ProviderFailure } from '../provider-client';
import type { alipayTradeSchema } from './alipay-api-schemas';
import { convertYuanToFen } from './convert-yuan-to-fen';
import { parseChinaTime } from './parse-china-time';
import type { z } from 'zod';

const untrusted = (message: string): { failure: ProviderFailure } => ({ failure: { kind: 'untrusted', code: null, message } });

/**
 * A verified alipay.trade.query answer checked against our order and read as an `OrderStatus`. TRADE_CLOSED covers
 * two cases: never paid (closed on expiry), or paid and then refunded in full, which Alipay tells by a send_pay_date.
 */
export function readAlipayTradeStatus(options: {
  answer: z.infer<typeof alipayTradeSchema>;
  providerTradeNo: string;
  amount?: number;
}): { value: OrderStatus } | { failure: ProviderFailure } {
  const { answer } = options;
  let amount: number;
  let paidAt: Date | null;
  try {
    amount = convertYuanToFen(answer.total_amount, 'total_amount');
    paidAt = answer.send_pay_date === undefined ? null : parseChinaTime(answer.send_pay_date, 'send_pay_date');
  } catch (error) {
    if (!isAppError(error)) throw error;
    return untrusted(error.message);
  }
  const mismatch = findFieldMismatch([
    ['out_trade_no', answer.out_trade_no, options.providerTradeNo],
    ['total_amount', amount, options.amount],
  ]);
  if (mismatch !== null) return untrusted(mismatch);
  const tradeState = answer.trade_status;
  if (tradeState === 'WAIT_BUYER_PAY') return { value: { state: 'pending', tradeState } };
  if (tradeState === 'TRADE_CLOSED' && paidAt === null) return { value: { state: 'closed', tradeState } };
  if (!['TRADE_SUCCESS', 'TRADE_FINISHED', 'TRADE_CLOSED'].includes(tradeState)) {
    return untrusted(`trade_status ${JSON.stringify(tradeState.slice(0, 32))} is not one Alipay documents`);
  }
  if (answer.trade_no === undefined || paidAt === null) return untrusted(`a ${tradeState} answer must carry trade_no and send_pay_date`);
  return {
    value: {
      state: 'paid',
      providerTransactionId: answer.trade_no,
      amount,
      currency: 'CNY',
      paidAt,
      payer: answer.buyer_user_id ?? answer.buyer_open_id ?? answer.buyer_logon_id ?? null,
      device: answer.terminal_id ?? null,
      tradeState,
    },
  };
}
