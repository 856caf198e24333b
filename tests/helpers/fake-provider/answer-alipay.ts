// Gateway answers as Alipay writes them: {"<method>_response":{…},"sign":"…"}, the sign (RSA2, Alipay's key) over
// the exact text of the response member, slashes escaped as Alipay's JSON writer does; or broken on purpose.
import { sign } from 'node:crypto';
import { convertFenToYuan } from '@/server/providers/alipay/convert-fen-to-yuan';
import { convertYuanToFen } from '@/server/providers/alipay/convert-yuan-to-fen';
import type { FakeAlipayKeys } from './fake-alipay-state';
import type { FakeFault } from './fake-faults';
import type { FakeAnswer } from './fake-http-server';

const plusOneFen = (yuan: string) => convertFenToYuan(convertYuanToFen(yuan, 'amount') + 1);

function tamper(content: Record<string, any>, fault: FakeFault | null): Record<string, any> {
  const copy = structuredClone(content);
  if (fault?.kind === 'wrong_amount') {
    for (const field of ['refund_amount', 'send_back_fee', 'total_amount']) {
      if (typeof copy[field] === 'string') {
        copy[field] = plusOneFen(copy[field]);
        break;
      }
    }
  }
  if (fault?.kind === 'wrong_out_trade_no' && typeof copy.out_trade_no === 'string') copy.out_trade_no = `${copy.out_trade_no}9`;
  if (fault?.kind === 'tamper') fault.change(copy);
  return copy;
}

export function answerAlipay(options: {
  keys: FakeAlipayKeys;
  method: string;
  content: Record<string, any>;
  fault: FakeFault | null;
}): FakeAnswer {
  const { fault } = options;
  const content = JSON.stringify(tamper(options.content, fault)).replaceAll('/', '\\/');
  const signature = sign(
    'sha256',
    Buffer.from(fault?.kind === 'bad_signature' ? `${content} ` : content, 'utf8'),
    options.keys.alipayPrivateKey,
  ).toString('base64');
  const member = `"${options.method.replaceAll('.', '_')}_response":${content}`;
  const body = fault?.kind === 'no_signature' ? `{${member}}` : `{${member},"sign":${JSON.stringify(signature)}}`;
  return { status: 200, headers: { 'Content-Type': 'text/html;charset=utf-8' }, body, delayMs: fault?.kind === 'delay' ? fault.ms : 0 };
}

/** A business failure: 40004 with the sub_code; Alipay's system errors come as 20000. */
export function alipayError(subCode: string, subMessage: string): Record<string, string> {
  if (subCode === 'ACQ.SYSTEM_ERROR' || subCode === '20000') {
    return {
      code: '20000',
      msg: 'Service Currently Unavailable',
      sub_code: subCode === '20000' ? 'isp.unknow-error' : subCode,
      sub_msg: subMessage,
    };
  }
  return { code: '40004', msg: 'Business Failed', sub_code: subCode, sub_msg: subMessage };
}
