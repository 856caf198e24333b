import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { isAppError } from '@/lib/errors';
import type { ProviderExchange, ProviderFailure, ProviderResult } from '@/server/providers/provider-client';
import { verifyWechatpaySignature } from '@/server/providers/wechatpay/verify-wechatpay-signature';
import { answerSandboxRequest } from './provider/answer-sandbox-request';
import { getSandboxKeys } from './sandbox-keys';

export type SandboxReply = { status: number; json: unknown };

type Call = {
  db: Db;
  boss: PgBoss;
  operation: ProviderExchange['operation'];
  method: 'GET' | 'POST';
  path: string;
  body?: object;
};

/**
 * One request to the sandbox provider, kept as an exchange and verified as a WeChat Pay v3 answer is: its
 * signature by the platform key of its serial, over the exact bytes received, with a fresh timestamp. 5xx (or no
 * answer) is `unavailable`; an answer that fails verification is `untrusted` and never reaches the caller.
 */
export async function callSandboxApi({ db, boss, operation, method, path, body }: Call): Promise<ProviderResult<SandboxReply>> {
  const requestBody = body === undefined ? null : JSON.stringify(body);
  const base = {
    provider: 'sandbox' as const,
    operation,
    method,
    url: `sandbox:${path}`,
    requestHeaders: { accept: 'application/json', ...(requestBody ? { 'content-type': 'application/json' } : {}) },
    requestBody,
    startedAt: new Date(),
  };
  const started = performance.now();
  const exchangeOf = (
    rest: Pick<ProviderExchange, 'status' | 'responseHeaders' | 'responseBody' | 'verdict' | 'reason'>,
  ): ProviderExchange => ({
    ...base,
    ...rest,
    durationMs: Math.round(performance.now() - started),
  });
  const fail = (failure: ProviderFailure, response?: { status: number; headers: Record<string, string>; body: string }) => ({
    ok: false as const,
    failure,
    exchange: exchangeOf({
      status: response?.status ?? null,
      responseHeaders: response?.headers ?? {},
      responseBody: response?.body ?? null,
      verdict: failure.kind === 'untrusted' ? 'rejected' : 'failed',
      reason: failure.message,
    }),
  });

  let response;
  try {
    response = await answerSandboxRequest({ db, boss, request: { method, path, body: requestBody } });
  } catch (error) {
    return fail({ kind: 'unavailable', code: null, message: `sandbox provider unreachable: ${(error as Error).message}` });
  }
  if (response.status >= 500) {
    return fail({ kind: 'unavailable', code: errorCode(response.body), message: `sandbox provider answered ${response.status}` }, response);
  }
  try {
    const { platformKeys } = await getSandboxKeys(db);
    verifyWechatpaySignature({ rawBody: response.body, headers: new Headers(response.headers), platformKeys });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return fail({ kind: 'untrusted', code: null, message: `answer not trusted: ${error.message}` }, response);
  }
  let json: unknown = null;
  if (response.body) {
    try {
      json = JSON.parse(response.body);
    } catch {
      return fail({ kind: 'untrusted', code: null, message: 'answer is not JSON' }, response);
    }
  }
  return {
    ok: true,
    value: { status: response.status, json },
    exchange: exchangeOf({
      status: response.status,
      responseHeaders: response.headers,
      responseBody: response.body,
      verdict: 'ok',
      reason: null,
    }),
  };
}

function errorCode(body: string): string | null {
  try {
    const code = (JSON.parse(body) as { code?: unknown }).code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}
