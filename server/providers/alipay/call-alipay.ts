import { verify } from 'node:crypto';
import { draftProviderExchange, type ProviderExchangeDraft } from '../draft-provider-exchange';
import { parseProviderAnswer } from '../parse-provider-answer';
import type { ProviderExchange, ProviderFailure } from '../provider-client';
import { sendProviderRequest } from '../send-provider-request';
import { decodeStrictBase64 } from '../wechatpay/decode-strict-base64';
import type { AlipayClientConfig } from './alipay-client-config';
import { alipayCommonSchema } from './alipay-api-schemas';
import { extractAlipayResponse } from './extract-alipay-response';
import { formatAlipayTime } from './format-alipay-time';
import { signAlipayRequest } from './sign-alipay-request';

export type AlipayReply =
  /** code 10000, its `sign` verified over the exact `*_response` text. */
  | { kind: 'answer'; text: string }
  /** A verified business error: its sub_code (or code, when Alipay gave none) and message. */
  | { kind: 'error'; code: string; message: string }
  | { kind: 'failure'; failure: ProviderFailure };

// Alipay's own words for "try again": the service is busy or failed inside.
const transientCodes: ReadonlySet<string> = new Set(['20000', 'ACQ.SYSTEM_ERROR', 'aop.ACQ.SYSTEM_ERROR', 'isp.unknow-error']);

const untrusted = (message: string): AlipayReply => ({ kind: 'failure', failure: { kind: 'untrusted', code: null, message } });

function verifySign(text: string, method: string, config: AlipayClientConfig): { content: string } | AlipayReply {
  const extracted = extractAlipayResponse(text, method);
  if ('error' in extracted) return untrusted(`Alipay answer not understood: ${extracted.error}`);
  if (extracted.sign === null) return untrusted('Alipay answer has no sign');
  let signature: Buffer;
  try {
    signature = decodeStrictBase64(extracted.sign, 'Alipay answer sign');
  } catch {
    return untrusted('Alipay answer sign is not base64');
  }
  if (!verify('sha256', Buffer.from(extracted.content, 'utf8'), config.alipayPublicKey, signature)) {
    return untrusted('Alipay answer sign does not match its content for the Alipay public key');
  }
  return { content: extracted.content };
}

/**
 * One gateway call: the common parameters in the URL (as Alipay's SDKs send them) and biz_content in the form body,
 * all signed RSA2 with our app key; the answer's sign verified over the exact `*_response` text before anything in it
 * is read. An unsigned or forged answer is untrusted whatever it says; a non-200 is unavailable.
 */
export async function callAlipay(options: {
  config: AlipayClientConfig;
  operation: ProviderExchange['operation'];
  method: string;
  bizContent: object;
  notifyUrl?: string;
}): Promise<{ draft: ProviderExchangeDraft; reply: AlipayReply }> {
  const { config, method } = options;
  const params: Record<string, string> = {
    app_id: config.appId,
    method,
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: formatAlipayTime((config.now ?? (() => new Date()))()),
    version: '1.0',
    ...(options.notifyUrl === undefined ? {} : { notify_url: options.notifyUrl }),
  };
  const bizContent = JSON.stringify(options.bizContent);
  const sign = signAlipayRequest({ params: { ...params, biz_content: bizContent }, appPrivateKey: config.appPrivateKey });
  const url = new URL(config.gatewayUrl);
  for (const [name, value] of Object.entries({ ...params, sign })) url.searchParams.set(name, value);
  const body = new URLSearchParams({ biz_content: bizContent }).toString();
  const headers = {
    'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
    accept: 'application/json',
    'user-agent': 'paygate/1',
  };
  const outcome = await sendProviderRequest({
    method: 'POST',
    url: url.toString(),
    headers,
    body,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: 1024 * 1024,
  });
  url.searchParams.set('sign', '***');
  const draft = draftProviderExchange({
    provider: 'alipay',
    operation: options.operation,
    method: 'POST',
    maskedUrl: url.toString(),
    maskedRequestHeaders: headers,
    requestBody: body,
    outcome,
  });
  const { response } = outcome;
  if (response === null)
    return { draft, reply: { kind: 'failure', failure: { kind: 'unavailable', code: null, message: outcome.error ?? 'no answer' } } };
  if (response.status !== 200) {
    return { draft, reply: { kind: 'failure', failure: { kind: 'unavailable', code: null, message: `HTTP ${response.status}` } } };
  }
  const verified = verifySign(response.body.toString('utf8'), method, config);
  if ('kind' in verified) return { draft, reply: verified };
  const common = parseProviderAnswer(verified.content, alipayCommonSchema, `Alipay ${method} answer`);
  if ('failure' in common) return { draft, reply: { kind: 'failure', failure: common.failure } };
  const { code, msg, sub_code: subCode, sub_msg: subMessage } = common.data;
  if (code === '10000') return { draft, reply: { kind: 'answer', text: verified.content } };
  const message = subMessage ?? msg;
  if (transientCodes.has(code) || (subCode !== undefined && transientCodes.has(subCode))) {
    return { draft, reply: { kind: 'failure', failure: { kind: 'unavailable', code: subCode ?? code, message } } };
  }
  return { draft, reply: { kind: 'error', code: subCode ?? code, message } };
}
