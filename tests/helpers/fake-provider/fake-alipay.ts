// The fake Alipay gateway: verifies our signed requests, runs them against its trades, applies the test's faults,
// and signs its answers.
import { alipayError, answerAlipay } from './answer-alipay';
import { createBillLink, serveAlipayBillFile } from './fake-alipay-bills';
import { close, precreate, query, refund, refundQuery, type AlipayOutcome } from './fake-alipay-trades';
import type { FakeAlipayRefund, FakeAlipayState } from './fake-alipay-state';
import { faultSkipsEffect, type FakeFault, type FakeOperation, type FaultQueue } from './fake-faults';
import type { FakeAnswer, FakeRequest } from './fake-http-server';
import { recordFakeRequest, type FakeRequestRecord } from './fake-request-log';
import { verifyAlipayRequest } from './verify-alipay-request';

type Run = (state: FakeAlipayState, biz: unknown, notifyUrl: string | null, host: string) => AlipayOutcome;

const operations: Record<string, { operation: FakeOperation; run: Run }> = {
  'alipay.trade.precreate': { operation: 'create_order', run: precreate },
  'alipay.trade.query': { operation: 'query_order', run: query },
  'alipay.trade.close': { operation: 'close_order', run: close },
  'alipay.trade.refund': { operation: 'refund', run: refund },
  'alipay.trade.fastpay.refund.query': { operation: 'query_refund', run: refundQuery },
  'alipay.data.dataservice.bill.downloadurl.query': {
    operation: 'download_bill',
    run: (state, biz, _, host) => createBillLink(state, biz, host),
  },
};

function failWith(fault: FakeFault): FakeAnswer | null {
  if (fault.kind === 'timeout') return 'hang';
  if (fault.kind === 'reset') return 'reset';
  if (fault.kind === 'http_error')
    return { status: fault.status ?? 502, headers: { 'Content-Type': 'text/html' }, body: '<html><body>502 Bad Gateway</body></html>' };
  return null;
}

/** The gateway's parameters: the common ones in the query string and the rest in the form body, as the SDKs send them. */
function readParams(request: FakeRequest): URLSearchParams {
  const params = new URLSearchParams(request.query);
  const contentType = request.headers['content-type'] ?? '';
  if (request.method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(request.body)) params.append(name, value);
  }
  return params;
}

export function handleAlipayRequest(options: {
  state: FakeAlipayState;
  request: FakeRequest;
  gatewayPath: string;
  faults: FaultQueue;
  log: FakeRequestRecord[];
  afterRefund: (refund: FakeAlipayRefund) => void;
}): FakeAnswer | null {
  const { state, request } = options;
  const { keys } = state;
  if (request.method === 'GET' && request.path === '/alipay/billdownload') {
    // The link carries its own token; nothing else is checked, as at Alipay's bill centre.
    const fault = options.faults.take('alipay', 'download_bill_file');
    recordFakeRequest(options.log, { provider: 'alipay', operation: 'download_bill_file', request, signatureError: null, fault });
    return (fault && failWith(fault)) ?? serveAlipayBillFile(state, request.query.get('token'), fault);
  }
  if (request.path !== options.gatewayPath) return null;
  const params = readParams(request);
  const method = params.get('method') ?? '';
  const found = operations[method];
  let signatureError = verifyAlipayRequest(params, { appId: keys.appId, appPublicKey: keys.appPublicKey, now: new Date() });
  let biz: unknown = null;
  try {
    biz = JSON.parse(params.get('biz_content') ?? 'null');
  } catch {
    signatureError ??= 'biz_content is not JSON';
  }
  const fault = signatureError === null && found ? options.faults.take('alipay', found.operation) : null;
  recordFakeRequest(options.log, { provider: 'alipay', operation: found?.operation ?? 'query_order', request, signatureError, fault });
  const answer = (content: Record<string, unknown>, withFault: FakeFault | null = null) =>
    answerAlipay({ keys, method: method || 'error', content, fault: withFault });
  if (!found) return answer({ code: '40004', msg: 'Business Failed', sub_code: 'isv.invalid-method', sub_msg: `不存在的方法名 ${method}` });
  if (signatureError !== null) {
    return answer({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: `验签出错: ${signatureError}` });
  }
  if (fault?.kind === 'business_error') return answer(alipayError(fault.code, fault.message ?? fault.code));
  if (fault !== null && faultSkipsEffect(fault)) return failWith(fault);
  const outcome = found.run(state, biz, params.get('notify_url'), request.headers.host ?? '');
  if (outcome.refund) options.afterRefund(outcome.refund);
  return (fault && failWith(fault)) ?? answer(outcome.content, fault);
}
