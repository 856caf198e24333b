// The fake WeChat Pay's trade bills: /v3/bill/tradebill hands out a link and the file's SHA1, the link serves the file.
import { createHash, randomBytes } from 'node:crypto';
import { chinaDate, type FakeBillRow } from './fake-bill-rows';
import type { FakeFault } from './fake-faults';
import type { FakeAnswer } from './fake-http-server';
import type { WechatpayOutcome } from './fake-wechatpay-orders';
import type { FakeWechatpayState } from './fake-wechatpay-state';
import { renderWechatpayBill } from './render-wechatpay-bill';

export function wechatpayBillRows(state: FakeWechatpayState, date: string): FakeBillRow[] {
  const rows: FakeBillRow[] = [];
  for (const order of state.orders.values()) {
    if (order.transactionId === null || order.successTime === null || chinaDate(order.successTime) !== date) continue;
    rows.push({
      kind: 'payment',
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId,
      orderAmount: order.amount,
      amount: order.amount,
      outRefundNo: null,
      refundId: null,
      at: order.successTime,
      subject: order.description,
      payer: order.payer,
    });
  }
  for (const refund of state.refunds.values()) {
    if (chinaDate(refund.createdAt) !== date || refund.status === 'CLOSED') continue;
    const order = state.orders.get(refund.outTradeNo);
    rows.push({
      kind: 'refund',
      outTradeNo: refund.outTradeNo,
      transactionId: refund.transactionId,
      orderAmount: refund.total,
      amount: refund.amount,
      outRefundNo: refund.outRefundNo,
      refundId: refund.refundId,
      at: refund.createdAt,
      subject: order?.description ?? '',
      payer: order?.payer ?? null,
    });
  }
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export function requestTradeBill(state: FakeWechatpayState, query: URLSearchParams, host: string): WechatpayOutcome {
  const date = query.get('bill_date') ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { status: 400, answer: { code: 'PARAM_ERROR', message: 'bill_date 格式错误' } };
  if ((query.get('bill_type') ?? 'ALL') !== 'ALL')
    return { status: 400, answer: { code: 'PARAM_ERROR', message: 'the fake serves bill_type ALL only' } };
  const rows = (state.billEditor ?? ((_, own) => own))(date, wechatpayBillRows(state, date));
  if (rows.length === 0) return { status: 400, answer: { code: 'NO_STATEMENT_EXIST', message: '账单不存在' } };
  const text = renderWechatpayBill(state.keys, rows);
  const token = randomBytes(12).toString('hex');
  state.billFiles.set(token, text);
  return {
    status: 200,
    answer: {
      hash_type: 'SHA1',
      hash_value: createHash('sha1').update(text, 'utf8').digest('hex'),
      download_url: `http://${host}/v3/billdownload/file?token=${token}`,
    },
  };
}

/** The file itself: not signed, as WeChat Pay's is not; a `tamper` fault edits `{ text }` after the digest was given. */
export function serveBillFile(state: FakeWechatpayState, token: string | null, fault: FakeFault | null): FakeAnswer {
  const text = token === null ? undefined : state.billFiles.get(token);
  if (text === undefined)
    return {
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'INVALID_REQUEST', message: 'token 无效' }),
    };
  const file = { text };
  if (fault?.kind === 'tamper') fault.change(file);
  return {
    status: 200,
    headers: { 'Content-Type': 'application/octet-stream' },
    body: file.text,
    delayMs: fault?.kind === 'delay' ? fault.ms : 0,
  };
}
