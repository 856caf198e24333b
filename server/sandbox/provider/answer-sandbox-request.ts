import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { signWechatpayBody } from '@/server/providers/wechatpay/sign-wechatpay-body';
import { getSandboxKeys } from '../sandbox-keys';
import { closeSandboxOrder } from './close-sandbox-order';
import { placeSandboxOrder } from './place-sandbox-order';
import { querySandboxOrder } from './query-sandbox-order';
import { querySandboxRefund } from './query-sandbox-refund';
import { refundSandboxOrder } from './refund-sandbox-order';
import { sandboxError, type SandboxAnswer } from './sandbox-answer';

export type SandboxRequest = { method: 'GET' | 'POST'; path: string; body: string | null };
export type SandboxResponse = { status: number; headers: Record<string, string>; body: string };

const staleBySeconds = 600;

/**
 * The sandbox provider's API, in process: WeChat Pay v3's paths, bodies and signed answers (`Wechatpay-Signature`
 * over `timestamp\nnonce\nbody\n` with the sandbox platform key), so its clients verify it as they would WeChat.
 */
export async function answerSandboxRequest({
  db,
  boss,
  request,
}: {
  db: Db;
  boss: PgBoss;
  request: SandboxRequest;
}): Promise<SandboxResponse> {
  const answer = await route(db, boss, request);
  const body = answer.body === null ? '' : JSON.stringify(answer.body);
  const keys = await getSandboxKeys(db);
  const signing = answer.signing ?? 'proper';
  const now = signing === 'stale_timestamp' ? new Date(Date.now() - staleBySeconds * 1000) : new Date();
  // A signature over other bytes than the ones sent: what a forged or tampered answer looks like.
  const signed = signing === 'bad_signature' ? `${body} ` : body;
  const { 'Content-Type': _contentType, ...headers } = signWechatpayBody({
    rawBody: signed,
    privateKey: keys.privateKey,
    serial: keys.serial,
    now,
  });
  return {
    status: answer.status,
    headers: {
      ...headers,
      ...(body ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'request-id': `sbx-${crypto.randomUUID()}`,
    },
    body,
  };
}

function route(db: Db, boss: PgBoss, { method, path, body }: SandboxRequest): Promise<SandboxAnswer> | SandboxAnswer {
  const url = new URL(path, 'sandbox://provider');
  const json = parseBody(body);
  if (json === invalid) return sandboxError(400, 'PARAM_ERROR', 'body is not JSON');
  const orderPath = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(url.pathname);
  const refundPath = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(url.pathname);
  if (method === 'POST' && url.pathname === '/v3/pay/transactions/native') return placeSandboxOrder({ db, body: json });
  if (method === 'GET' && orderPath && !orderPath[2]) return querySandboxOrder({ db, outTradeNo: decodeURIComponent(orderPath[1]) });
  if (method === 'POST' && orderPath?.[2]) return closeSandboxOrder({ db, outTradeNo: decodeURIComponent(orderPath[1]) });
  if (method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') return refundSandboxOrder({ db, boss, body: json });
  if (method === 'GET' && refundPath) return querySandboxRefund({ db, outRefundNo: decodeURIComponent(refundPath[1]) });
  return sandboxError(404, 'NOT_FOUND', `no such sandbox API: ${method} ${url.pathname}`);
}

const invalid = Symbol('invalid');

function parseBody(body: string | null): unknown {
  if (body === null || body === '') return null;
  try {
    return JSON.parse(body);
  } catch {
    return invalid;
  }
}
