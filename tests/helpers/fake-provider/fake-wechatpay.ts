// The fake WeChat Pay v3: routes our signed requests to its order book, applies the test's faults, and signs answers.
import { faultSkipsEffect, type FakeFault, type FakeOperation, type FaultQueue } from './fake-faults';
import type { FakeAnswer, FakeRequest } from './fake-http-server';
import { recordFakeRequest, type FakeRequestRecord } from './fake-request-log';
import { answerWechatpay, wechatpayError } from './answer-wechatpay';
import { closeOrder, createNativeOrder, createRefund, queryOrder, queryRefund, type WechatpayOutcome } from './fake-wechatpay-orders';
import { requestTradeBill, serveBillFile } from './fake-wechatpay-bills';
import type { FakeWechatpayState } from './fake-wechatpay-state';
import { verifyWechatpayRequest } from './verify-wechatpay-request';

type Route = { operation: FakeOperation; run: () => WechatpayOutcome; file?: true };

function route(state: FakeWechatpayState, request: FakeRequest): Route | null {
  const { method, path, query, body } = request;
  const order = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(path);
  const refund = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path);
  if (method === 'POST' && path === '/v3/pay/transactions/native')
    return { operation: 'create_order', run: () => createNativeOrder(state, body) };
  if (method === 'GET' && order && !order[2]) {
    return { operation: 'query_order', run: () => queryOrder(state, decodeURIComponent(order[1]), query.get('mchid')) };
  }
  if (method === 'POST' && order && order[2])
    return { operation: 'close_order', run: () => closeOrder(state, decodeURIComponent(order[1]), body) };
  if (method === 'POST' && path === '/v3/refund/domestic/refunds') return { operation: 'refund', run: () => createRefund(state, body) };
  if (method === 'GET' && refund) return { operation: 'query_refund', run: () => queryRefund(state, decodeURIComponent(refund[1])) };
  if (method === 'GET' && path === '/v3/bill/tradebill')
    return { operation: 'download_bill', run: () => requestTradeBill(state, query, request.headers.host ?? '') };
  if (method === 'GET' && path === '/v3/billdownload/file')
    return { operation: 'download_bill_file', run: () => ({ status: 200, answer: null }), file: true };
  return null;
}

function failWith(fault: FakeFault): FakeAnswer | null {
  if (fault.kind === 'timeout') return 'hang';
  if (fault.kind === 'reset') return 'reset';
  if (fault.kind === 'http_error') {
    return {
      status: fault.status ?? 500,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'SYSTEM_ERROR', message: '系统繁忙，请稍后重试' }),
    };
  }
  return null;
}

export function handleWechatpayRequest(options: {
  state: FakeWechatpayState;
  request: FakeRequest;
  faults: FaultQueue;
  log: FakeRequestRecord[];
  /** Called with a refund the request created (for refunds that notify their end at once). */
  afterRefund: (refund: NonNullable<WechatpayOutcome['refund']>) => void;
}): FakeAnswer | null {
  const { state, request } = options;
  const { keys } = state;
  const found = route(state, request);
  if (found === null) return null;
  const merchantKeys = new Map([[keys.merchantSerial, keys.merchantPublicKey]]);
  const signatureError = verifyWechatpayRequest(request, { mchid: keys.mchid, merchantKeys, now: new Date() });
  const fault = signatureError === null ? options.faults.take('wechatpay', found.operation) : null;
  recordFakeRequest(options.log, { provider: 'wechatpay', operation: found.operation, request, signatureError, fault });
  if (signatureError !== null) return wechatpayError(keys, 401, 'SIGN_ERROR', `签名错误: ${signatureError}`);
  if (fault?.kind === 'business_error') return wechatpayError(keys, fault.status ?? 400, fault.code, fault.message ?? fault.code);
  if (fault !== null && faultSkipsEffect(fault)) return failWith(fault);
  if (found.file) return (fault && failWith(fault)) ?? serveBillFile(state, request.query.get('token'), fault);
  const outcome = found.run();
  if (outcome.refund) options.afterRefund(outcome.refund);
  return (fault && failWith(fault)) ?? answerWechatpay({ keys, status: outcome.status, answer: outcome.answer, fault });
}
