import { createHash } from 'node:crypto';
import { isAppError } from '@/lib/errors';
import { checkBillDate } from '../check-bill-date';
import { completeProviderCall } from '../complete-provider-call';
import { parseProviderAnswer } from '../parse-provider-answer';
import type { BillLine, ProviderFailure, ProviderResult } from '../provider-client';
import { callWechatpay } from './call-wechatpay';
import { parseWechatpayTradeBill } from './parse-wechatpay-trade-bill';
import { wechatpayTradeBillSchema } from './wechatpay-api-schemas';
import type { WechatpayClientConfig } from './wechatpay-client-config';

const maxBillBytes = 64 * 1024 * 1024;

/**
 * The day's trade bill: GET /v3/bill/tradebill (a signed, verified answer with the link and the file's SHA1), then the
 * file itself, which WeChat Pay does not sign: its digest proves it. A day without trades has no bill
 * (NO_STATEMENT_EXIST), read as an empty one; a bill still being made is unavailable. Our Authorization is only ever
 * sent to the base URL's own origin.
 */
export async function downloadWechatpayTradeBill(options: {
  config: WechatpayClientConfig;
  date: string;
}): Promise<ProviderResult<BillLine[]>> {
  const { config, date } = options;
  checkBillDate(date);
  const link = await callWechatpay({
    config,
    operation: 'download_bill',
    method: 'GET',
    path: `/v3/bill/tradebill?bill_date=${date}&bill_type=ALL`,
  });
  const { reply } = link;
  if (reply.kind === 'failure') return completeProviderCall(link.draft, { failure: reply.failure });
  if (reply.kind === 'error') {
    if (reply.code === 'NO_STATEMENT_EXIST') return completeProviderCall(link.draft, { value: [] });
    const kind = reply.code === 'STATEMENT_CREATING' ? 'unavailable' : 'refused';
    return completeProviderCall(link.draft, { failure: { kind, code: reply.code, message: reply.message } });
  }
  const parsed = parseProviderAnswer(reply.text, wechatpayTradeBillSchema, 'WeChat Pay trade bill answer');
  if ('failure' in parsed) return completeProviderCall(link.draft, parsed);
  const { download_url: url, hash_value: digest } = parsed.data;
  if (new URL(url).origin !== new URL(config.baseUrl).origin) {
    return completeProviderCall(link.draft, {
      failure: { kind: 'untrusted', code: null, message: `download_url ${new URL(url).origin} is not WeChat Pay's origin` },
    });
  }
  const linked = completeProviderCall(link.draft, { value: null });
  const file = await callWechatpay({
    config,
    operation: 'download_bill',
    method: 'GET',
    url,
    verify: false,
    maxResponseBytes: maxBillBytes,
  });
  const finish = (outcome: { value: BillLine[] } | { failure: ProviderFailure }) => ({
    ...completeProviderCall(file.draft, outcome),
    precedingExchanges: [linked.exchange],
  });
  if (file.reply.kind === 'failure') return finish({ failure: file.reply.failure });
  if (file.reply.kind === 'error') return finish({ failure: { kind: 'refused', code: file.reply.code, message: file.reply.message } });
  const actual = createHash('sha1').update(file.reply.body).digest('hex');
  if (actual !== digest.toLowerCase())
    return finish({ failure: { kind: 'untrusted', code: null, message: `bill SHA1 ${actual} is not the ${digest} WeChat Pay announced` } });
  try {
    return finish({ value: parseWechatpayTradeBill(file.reply.text, config.mchid) });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return finish({ failure: { kind: 'untrusted', code: null, message: error.message } });
  }
}
