import { findFieldMismatch } from '../find-field-mismatch';
import type { OrderStatus, ProviderFailure } from '../provider-client';
import type { WechatpayOrderAnswer } from './wechatpay-api-schemas';

const pendingStates: ReadonlySet<string> = new Set(['NOTPAY', 'USERPAYING']);
const closedStates: ReadonlySet<string> = new Set(['CLOSED', 'REVOKED']);
// REFUND: the order was paid and refunds came after; it still counts as paid.
const paidStates: ReadonlySet<string> = new Set(['SUCCESS', 'REFUND']);

function untrusted(message: string): { failure: ProviderFailure } {
  return { failure: { kind: 'untrusted', code: null, message } };
}

/** A verified order answer checked against what we know of the order, then read as an `OrderStatus`. */
export function readWechatpayOrderStatus(options: {
  answer: WechatpayOrderAnswer;
  mchid: string;
  appid: string;
  providerTradeNo: string;
  amount?: number;
}): { value: OrderStatus } | { failure: ProviderFailure } {
  const { answer } = options;
  const mismatch = findFieldMismatch([
    ['mchid', answer.mchid, options.mchid],
    ['appid', answer.appid, options.appid],
    ['out_trade_no', answer.out_trade_no, options.providerTradeNo],
    ['amount.total', answer.amount?.total ?? options.amount, options.amount],
  ]);
  if (mismatch !== null) return untrusted(mismatch);
  const tradeState = answer.trade_state;
  if (pendingStates.has(tradeState)) return { value: { state: 'pending', tradeState } };
  if (closedStates.has(tradeState)) return { value: { state: 'closed', tradeState } };
  if (tradeState === 'PAYERROR') return { value: { state: 'failed', tradeState } };
  if (!paidStates.has(tradeState))
    return untrusted(`trade_state ${JSON.stringify(tradeState.slice(0, 32))} is not one WeChat Pay documents`);
  const { transaction_id: transactionId, success_time: successTime, amount } = answer;
  if (transactionId === undefined || successTime === undefined || amount?.total === undefined || amount.currency === undefined) {
    return untrusted(`a ${tradeState} answer must carry transaction_id, success_time, amount.total and amount.currency`);
  }
  return {
    value: {
      state: 'paid',
      providerTransactionId: transactionId,
      amount: amount.total,
      currency: amount.currency,
      paidAt: new Date(successTime),
      payer: answer.payer?.openid ?? null,
      device: answer.scene_info?.device_id || null,
      tradeState,
    },
  };
}
