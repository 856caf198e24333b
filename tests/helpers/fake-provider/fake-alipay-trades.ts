// The fake Alipay's trade and refund rules for the face-to-face (precreate) product.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { convertFenToYuan } from '@/server/providers/alipay/convert-fen-to-yuan';
import { convertYuanToFen } from '@/server/providers/alipay/convert-yuan-to-fen';
import { formatAlipayTime } from '@/server/providers/alipay/format-alipay-time';
import { alipayError } from './answer-alipay';
import { alipayNotifyId, alipayRefundKey, type FakeAlipayRefund, type FakeAlipayState, type FakeAlipayTrade } from './fake-alipay-state';

export type AlipayOutcome = { content: Record<string, unknown>; refund?: FakeAlipayRefund };

const ok = { code: '10000', msg: 'Success' };
const yuan = z.string().regex(/^(0|[1-9]\d{0,8})(\.\d{1,2})?$/);
const fail = (subCode: string, message: string): AlipayOutcome => ({ content: alipayError(subCode, message) });
const invalid = (message: string): AlipayOutcome => ({
  content: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-parameter', sub_msg: message },
});

function parse<T extends z.ZodType>(schema: T, bizContent: unknown): z.infer<T> | string {
  const result = schema.safeParse(bizContent);
  return result.success ? result.data : z.prettifyError(result.error);
}

const paid = (trade: FakeAlipayTrade) => trade.paidAt !== null;
const refundsOf = (state: FakeAlipayState, outTradeNo: string) =>
  [...state.refunds.values()].filter((refund) => refund.outTradeNo === outTradeNo);
const refundedOf = (state: FakeAlipayState, outTradeNo: string) =>
  refundsOf(state, outTradeNo).reduce((sum, refund) => sum + refund.amount, 0);

/** A trade as alipay.trade.query writes it. */
export function alipayTradeContent(trade: FakeAlipayTrade): Record<string, unknown> {
  const base = {
    ...ok,
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    trade_status: trade.status,
    total_amount: convertFenToYuan(trade.amount),
  };
  if (!paid(trade)) return base;
  return {
    ...base,
    buyer_logon_id: '159****5620',
    buyer_pay_amount: convertFenToYuan(trade.amount),
    receipt_amount: convertFenToYuan(trade.amount),
    invoice_amount: convertFenToYuan(trade.amount),
    point_amount: '0.00',
    send_pay_date: formatAlipayTime(trade.paidAt!),
    buyer_user_id: trade.buyerId,
    buyer_user_type: 'PRIVATE',
  };
}

export function precreate(state: FakeAlipayState, biz: unknown, notifyUrl: string | null): AlipayOutcome {
  const request = parse(
    z.object({
      out_trade_no: z.string().min(1).max(64),
      total_amount: yuan,
      subject: z.string().min(1).max(256),
      time_expire: z.string().optional(),
    }),
    biz,
  );
  if (typeof request === 'string') return invalid(request);
  const amount = convertYuanToFen(request.total_amount, 'total_amount');
  if (amount < 1 || amount > 10_000_000_000) return invalid('total_amount must be between 0.01 and 100000000');
  const existing = state.trades.get(request.out_trade_no);
  if (existing) {
    if (paid(existing)) return fail('ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
    if (existing.status === 'TRADE_CLOSED') return fail('ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
    if (existing.amount !== amount) return fail('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改');
    return { content: { ...ok, out_trade_no: existing.outTradeNo, qr_code: existing.qrCode } };
  }
  const qrCode = `https://qr.alipay.com/bax0${randomBytes(12).toString('hex')}`;
  state.trades.set(request.out_trade_no, {
    outTradeNo: request.out_trade_no,
    tradeNo: null,
    amount,
    subject: request.subject,
    notifyUrl,
    timeExpire: request.time_expire ?? null,
    qrCode,
    createdAt: new Date(),
    status: 'CREATED',
    paidAt: null,
    buyerId: null,
    notifyId: null,
  });
  return { content: { ...ok, out_trade_no: request.out_trade_no, qr_code: qrCode } };
}

function known(state: FakeAlipayState, biz: unknown): FakeAlipayTrade | AlipayOutcome {
  const request = parse(z.object({ out_trade_no: z.string().min(1) }), biz);
  if (typeof request === 'string') return invalid(request);
  const trade = state.trades.get(request.out_trade_no);
  if (!trade || trade.status === 'CREATED') return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
  return trade;
}

export function query(state: FakeAlipayState, biz: unknown): AlipayOutcome {
  const trade = known(state, biz);
  return 'content' in trade ? trade : { content: alipayTradeContent(trade) };
}

export function close(state: FakeAlipayState, biz: unknown): AlipayOutcome {
  const trade = known(state, biz);
  if ('content' in trade) return trade;
  if (trade.status !== 'WAIT_BUYER_PAY') return fail('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
  trade.status = 'TRADE_CLOSED';
  return { content: { ...ok, trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo } };
}

export function refund(state: FakeAlipayState, biz: unknown): AlipayOutcome {
  const request = parse(
    z.object({
      out_trade_no: z.string().min(1),
      refund_amount: yuan,
      out_request_no: z.string().min(1).max(64).optional(),
      refund_reason: z.string().optional(),
    }),
    biz,
  );
  if (typeof request === 'string') return invalid(request);
  const trade = known(state, request);
  if ('content' in trade) return trade;
  if (!paid(trade)) return fail('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
  const amount = convertYuanToFen(request.refund_amount, 'refund_amount');
  const outRequestNo = request.out_request_no ?? request.out_trade_no;
  const existing = state.refunds.get(alipayRefundKey(trade.outTradeNo, outRequestNo));
  const answer = (fundChange: 'Y' | 'N', at: Date | null) => ({
    ...ok,
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    buyer_logon_id: '159****5620',
    fund_change: fundChange,
    refund_fee: convertFenToYuan(refundedOf(state, trade.outTradeNo)),
    gmt_refund_pay: at === null ? undefined : formatAlipayTime(at),
    buyer_user_id: trade.buyerId,
  });
  if (existing) {
    if (existing.amount !== amount) return fail('ACQ.DISCORDANT_REPEAT_REQUEST', '请求重复但参数不一致');
    return { content: answer('N', existing.succeededAt) };
  }
  if (refundedOf(state, trade.outTradeNo) + amount > trade.amount) return fail('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
  const now = new Date();
  const succeed = state.refundMode !== 'processing';
  const created: FakeAlipayRefund = {
    outTradeNo: trade.outTradeNo,
    outRequestNo,
    amount,
    reason: request.refund_reason ?? null,
    status: succeed ? 'REFUND_SUCCESS' : 'PROCESSING',
    createdAt: now,
    succeededAt: succeed ? now : null,
    notifyId: alipayNotifyId(),
  };
  state.refunds.set(alipayRefundKey(trade.outTradeNo, outRequestNo), created);
  // A trade refunded in full is closed.
  if (refundedOf(state, trade.outTradeNo) === trade.amount) trade.status = 'TRADE_CLOSED';
  return { content: answer(succeed ? 'Y' : 'N', created.succeededAt), refund: created };
}

export function refundQuery(state: FakeAlipayState, biz: unknown): AlipayOutcome {
  const request = parse(
    z.object({ out_trade_no: z.string().min(1), out_request_no: z.string().min(1), query_options: z.array(z.string()).optional() }),
    biz,
  );
  if (typeof request === 'string') return invalid(request);
  const trade = known(state, request);
  if ('content' in trade) return trade;
  const found = state.refunds.get(alipayRefundKey(trade.outTradeNo, request.out_request_no));
  if (!found) return { content: { ...ok } };
  const done = found.status === 'REFUND_SUCCESS';
  return {
    content: {
      ...ok,
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      out_request_no: found.outRequestNo,
      total_amount: convertFenToYuan(trade.amount),
      refund_amount: convertFenToYuan(found.amount),
      refund_status: done ? 'REFUND_SUCCESS' : undefined,
      gmt_refund_pay: done && request.query_options?.includes('gmt_refund_pay') ? formatAlipayTime(found.succeededAt!) : undefined,
    },
  };
}
