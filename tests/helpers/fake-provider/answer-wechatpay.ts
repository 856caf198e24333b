// Answers as WeChat Pay signs them (Wechatpay-Signature over "timestamp\nnonce\nbody\n" with the platform key),
// or deliberately not, when a test queued a fault.
import { randomUUID } from 'node:crypto';
import { signWechatpayBody } from '@/server/providers/wechatpay/sign-wechatpay-body';
import type { FakeFault } from './fake-faults';
import type { FakeAnswer } from './fake-http-server';
import type { FakeWechatpayKeys } from './fake-wechatpay-state';

/** The content faults, on a copy of the answer: amounts, ids and app ids that are not ours. */
function tamper(answer: Record<string, any>, fault: FakeFault | null): Record<string, any> {
  const copy = structuredClone(answer);
  if (fault?.kind === 'wrong_amount' && copy.amount) {
    if (typeof copy.amount.refund === 'number') copy.amount.refund += 1;
    else if (typeof copy.amount.total === 'number') copy.amount.total += 1;
  }
  if (fault?.kind === 'wrong_mchid' && 'mchid' in copy) copy.mchid = '1900000999';
  if (fault?.kind === 'wrong_appid' && 'appid' in copy) copy.appid = 'wx0000000000000999';
  if (fault?.kind === 'wrong_out_trade_no' && 'out_trade_no' in copy) copy.out_trade_no = `${copy.out_trade_no}9`;
  if (fault?.kind === 'tamper') fault.change(copy);
  return copy;
}

export function answerWechatpay(options: {
  keys: FakeWechatpayKeys;
  status: number;
  answer: Record<string, any> | null;
  fault: FakeFault | null;
}): FakeAnswer {
  const { keys, fault } = options;
  const rawBody = options.answer === null ? '' : JSON.stringify(tamper(options.answer, fault));
  const now = fault?.kind === 'stale_timestamp' ? new Date(Date.now() - 10 * 60_000) : new Date();
  const signed = signWechatpayBody({
    rawBody: fault?.kind === 'bad_signature' ? `${rawBody} ` : rawBody,
    privateKey: keys.platformPrivateKey,
    serial: fault?.kind === 'unknown_serial' ? 'PUB_KEY_ID_0000000000000000000000000000DEAD' : keys.platformSerial,
    now,
  });
  const headers: Record<string, string> = { ...signed, 'Request-ID': randomUUID() };
  if (options.answer === null) delete headers['Content-Type'];
  if (fault?.kind === 'signtest') headers['Wechatpay-Signature'] = `WECHATPAY/SIGNTEST/${headers['Wechatpay-Signature']}`;
  if (fault?.kind === 'no_signature') {
    for (const name of ['Wechatpay-Signature', 'Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Serial', 'Wechatpay-Signature-Type'])
      delete headers[name];
  }
  return { status: options.status, headers, body: rawBody, delayMs: fault?.kind === 'delay' ? fault.ms : 0 };
}

/** WeChat Pay's error answer, signed like any other. */
export function wechatpayError(
  keys: FakeWechatpayKeys,
  status: number,
  code: string,
  message: string,
  fault: FakeFault | null = null,
): FakeAnswer {
  return answerWechatpay({ keys, status, answer: { code, message }, fault });
}
