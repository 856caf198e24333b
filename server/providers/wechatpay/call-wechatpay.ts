import { isAppError } from '@/lib/errors';
import { draftProviderExchange, type ProviderExchangeDraft } from '../draft-provider-exchange';
import type { ProviderExchange, ProviderFailure } from '../provider-client';
import { sendProviderRequest } from '../send-provider-request';
import { buildWechatpayAuthorization } from './build-wechatpay-authorization';
import { parseJsonWithSchema } from './parse-json-with-schema';
import { verifyWechatpaySignature } from './verify-wechatpay-signature';
import { wechatpayErrorSchema } from './wechatpay-api-schemas';
import type { WechatpayClientConfig } from './wechatpay-client-config';

export type WechatpayReply =
  /** A 2xx whose signature, platform serial and timestamp were verified (or a bill file, which WeChat does not sign). */
  | { kind: 'answer'; status: number; body: Buffer; text: string }
  /** A verified 4xx: WeChat Pay's `{code, message}`. */
  | { kind: 'error'; status: number; code: string; message: string }
  | { kind: 'failure'; failure: ProviderFailure };

const maxAnswerBytes = 1024 * 1024;
// Codes that mean "not now" rather than "no": the caller retries later.
const transientCodes: ReadonlySet<string> = new Set(['SYSTEM_ERROR', 'SYSTEMERROR', 'FREQUENCY_LIMITED', 'BANKERROR']);

function unavailable(message: string, code: string | null = null): WechatpayReply {
  return { kind: 'failure', failure: { kind: 'unavailable', code, message } };
}

function untrusted(message: string): WechatpayReply {
  return { kind: 'failure', failure: { kind: 'untrusted', code: null, message } };
}

function readError(text: string): { code: string; message: string } | null {
  try {
    return parseJsonWithSchema(text, wechatpayErrorSchema, 'WeChat Pay error answer');
  } catch {
    return null;
  }
}

/**
 * One signed v3 request and its verified answer. Nothing in an answer is used before its signature is proven: an
 * unsigned, forged, stale or probe-signed answer is untrusted, whatever its status, except a 5xx or 429, which we
 * only ever retry. A bill file (`verify: false`) is checked by its digest instead, as WeChat Pay does not sign it.
 */
export async function callWechatpay(options: {
  config: WechatpayClientConfig;
  operation: ProviderExchange['operation'];
  method: 'GET' | 'POST';
  /** The path (with its query string) under the base URL, or a whole URL WeChat Pay gave us (a bill's download). */
  path?: string;
  url?: string;
  body?: object;
  verify?: boolean;
  maxResponseBytes?: number;
}): Promise<{ draft: ProviderExchangeDraft; reply: WechatpayReply }> {
  const { config } = options;
  const now = config.now ?? (() => new Date());
  const url = options.url ?? `${config.baseUrl.replace(/\/+$/, '')}${options.path ?? ''}`;
  const { pathname, search } = new URL(url);
  const body = options.body === undefined ? '' : JSON.stringify(options.body);
  const authorization = buildWechatpayAuthorization({
    method: options.method,
    pathAndQuery: `${pathname}${search}`,
    body,
    mchid: config.mchid,
    merchantSerial: config.merchantSerial,
    merchantPrivateKey: config.merchantPrivateKey,
    now: now(),
  });
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'paygate/1' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const outcome = await sendProviderRequest({
    method: options.method,
    url,
    headers: { ...headers, authorization },
    body: options.body === undefined ? null : body,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? maxAnswerBytes,
  });
  const draft = draftProviderExchange({
    provider: 'wechatpay',
    operation: options.operation,
    method: options.method,
    // A bill's download URL carries a one-time token.
    maskedUrl: url.replace(/([?&]token=)[^&]*/, '$1***'),
    maskedRequestHeaders: { ...headers, authorization: authorization.replace(/signature="[^"]*"/, 'signature="***"') },
    requestBody: options.body === undefined ? null : body,
    outcome,
  });
  return { draft, reply: judgeAnswer(outcome.response, outcome.error, config, now(), options.verify ?? true) };
}

function judgeAnswer(
  response: { status: number; headers: Record<string, string>; body: Buffer } | null,
  error: string | null,
  config: WechatpayClientConfig,
  now: Date,
  verify: boolean,
): WechatpayReply {
  if (response === null) return unavailable(error ?? 'no answer');
  const { status } = response;
  const text = response.body.toString('utf8');
  if (status >= 500 || status === 429) {
    const answered = readError(text);
    return unavailable(`HTTP ${status}${answered ? `: ${answered.message}` : ''}`, answered?.code ?? null);
  }
  if (status < 200 || (status >= 300 && status < 400)) return unavailable(`unexpected HTTP status ${status}`);
  if (verify) {
    try {
      verifyWechatpaySignature({ rawBody: text, headers: new Headers(response.headers), platformKeys: config.platformKeys, now });
    } catch (failure) {
      if (!isAppError(failure)) throw failure;
      return untrusted(`HTTP ${status} answer failed verification: ${failure.message}`);
    }
  }
  if (status < 300) return { kind: 'answer', status, body: response.body, text };
  const answered = readError(text);
  if (answered === null) return untrusted(`HTTP ${status} answer is not WeChat Pay's {code, message}`);
  if (transientCodes.has(answered.code)) return unavailable(answered.message, answered.code);
  return { kind: 'error', status, code: answered.code, message: answered.message };
}
