// The fake WeChat Pay's order and refund rules, as the v3 documentation states them.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { wechatpayOrderAnswer, wechatpayRefundAnswer } from './wechatpay-answers';
import { wechatpayRefundId, type FakeWechatpayRefund, type FakeWechatpayState } from './fake-wechatpay-state';

export type WechatpayOutcome = {
  status: number;
  answer: Record<string, unknown> | null;
  /** A refund this request created (not one it found again). */
  refund?: FakeWechatpayRefund;
};

const error = (status: number, code: string, message: string): WechatpayOutcome => ({ status, answer: { code, message } });

const nativeBody = z.object({
  appid: z.string().min(1),
  mchid: z.string().min(1),
  description: z.string().min(1).max(127),
  out_trade_no: z.string().regex(/^[A-Za-z0-9_\-|*]{6,32}$/),
  time_expire: z.iso.datetime({ offset: true }).optional(),
  notify_url: z.url(),
  amount: z.object({ total: z.number().int().positive(), currency: z.literal('CNY').default('CNY') }),
});

const refundBody = z.object({
  out_trade_no: z.string().min(1),
  out_refund_no: z.string().regex(/^[A-Za-z0-9_\-|*@]{1,64}$/),
  reason: z.string().max(80).optional(),
  notify_url: z.url().optional(),
  amount: z.object({ refund: z.number().int().positive(), total: z.number().int().positive(), currency: z.literal('CNY') }),
});

function parse<T extends z.ZodType>(schema: T, body: string): z.infer<T> | string {
  try {
    const result = schema.safeParse(JSON.parse(body));
    return result.success ? result.data : z.prettifyError(result.error);
  } catch {
    return 'body is not JSON';
  }
}

export function createNativeOrder(state: FakeWechatpayState, body: string): WechatpayOutcome {
  const request = parse(nativeBody, body);
  if (typeof request === 'string') return error(400, 'PARAM_ERROR', request);
  if (request.mchid !== state.keys.mchid || request.appid !== state.keys.appid)
    return error(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
  const existing = state.orders.get(request.out_trade_no);
  if (existing) {
    if (existing.tradeState === 'SUCCESS' || existing.tradeState === 'REFUND') return error(400, 'ORDERPAID', '该订单已支付');
    if (existing.tradeState === 'CLOSED') return error(400, 'ORDER_CLOSED', '当前订单已关闭，请重新下单');
    if (existing.amount !== request.amount.total || existing.description !== request.description) {
      return error(403, 'OUT_TRADE_NO_USED', '商户订单号重复');
    }
    return { status: 200, answer: { code_url: existing.codeUrl } };
  }
  const codeUrl = `weixin://wxpay/bizpayurl?pr=${randomBytes(6).toString('base64url')}`;
  state.orders.set(request.out_trade_no, {
    outTradeNo: request.out_trade_no,
    appid: request.appid,
    description: request.description,
    amount: request.amount.total,
    currency: request.amount.currency,
    notifyUrl: request.notify_url,
    timeExpire: request.time_expire ?? null,
    codeUrl,
    createdAt: new Date(),
    tradeState: 'NOTPAY',
    transactionId: null,
    successTime: null,
    payer: null,
    device: null,
    notificationId: null,
  });
  return { status: 200, answer: { code_url: codeUrl } };
}

export function queryOrder(state: FakeWechatpayState, outTradeNo: string, mchid: string | null): WechatpayOutcome {
  if (mchid !== state.keys.mchid) return error(400, 'PARAM_ERROR', 'mchid is missing or not this merchant');
  const order = state.orders.get(outTradeNo);
  if (!order) return error(404, 'ORDER_NOT_EXIST', '订单不存在');
  return { status: 200, answer: wechatpayOrderAnswer(state.keys, order) };
}

export function closeOrder(state: FakeWechatpayState, outTradeNo: string, body: string): WechatpayOutcome {
  const request = parse(z.object({ mchid: z.string() }), body);
  if (typeof request === 'string' || request.mchid !== state.keys.mchid)
    return error(400, 'PARAM_ERROR', 'mchid is missing or not this merchant');
  const order = state.orders.get(outTradeNo);
  if (!order) return error(404, 'ORDER_NOT_EXIST', '订单不存在');
  if (order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND') return error(400, 'ORDERPAID', '订单已支付');
  order.tradeState = 'CLOSED';
  return { status: 204, answer: null };
}

export function createRefund(state: FakeWechatpayState, body: string): WechatpayOutcome {
  const request = parse(refundBody, body);
  if (typeof request === 'string') return error(400, 'PARAM_ERROR', request);
  const order = state.orders.get(request.out_trade_no);
  if (!order || order.transactionId === null || order.tradeState === 'CLOSED') return error(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
  const existing = state.refunds.get(request.out_refund_no);
  if (existing) {
    if (existing.amount !== request.amount.refund || existing.outTradeNo !== order.outTradeNo) {
      return error(400, 'INVALID_REQUEST', '商户退款单号已存在，但退款金额或订单与原请求不一致');
    }
    return { status: 200, answer: wechatpayRefundAnswer(existing) };
  }
  if (request.amount.total !== order.amount) return error(400, 'INVALID_REQUEST', '订单金额与原订单不一致');
  const ofOrder = [...state.refunds.values()].filter((refund) => refund.outTradeNo === order.outTradeNo);
  if (ofOrder.length >= 50) return error(400, 'INVALID_REQUEST', '每个支付订单的部分退款次数不能超过50次');
  const refunded = ofOrder.filter((refund) => refund.status !== 'CLOSED').reduce((sum, refund) => sum + refund.amount, 0);
  if (refunded + request.amount.refund > order.amount) return error(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
  const now = new Date();
  const succeed = state.refundMode !== 'processing';
  const refund: FakeWechatpayRefund = {
    outRefundNo: request.out_refund_no,
    outTradeNo: order.outTradeNo,
    transactionId: order.transactionId,
    refundId: wechatpayRefundId(),
    amount: request.amount.refund,
    total: order.amount,
    reason: request.reason ?? null,
    notifyUrl: request.notify_url ?? null,
    status: succeed ? 'SUCCESS' : 'PROCESSING',
    createdAt: now,
    successTime: succeed ? now : null,
  };
  state.refunds.set(refund.outRefundNo, refund);
  order.tradeState = 'REFUND';
  return { status: 200, answer: wechatpayRefundAnswer(refund), refund };
}

export function queryRefund(state: FakeWechatpayState, outRefundNo: string): WechatpayOutcome {
  const refund = state.refunds.get(outRefundNo);
  if (!refund) return error(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
  return { status: 200, answer: wechatpayRefundAnswer(refund) };
}
