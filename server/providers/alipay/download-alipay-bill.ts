import { isAppError } from '@/lib/errors';
import { checkBillDate } from '../check-bill-date';
import { completeProviderCall } from '../complete-provider-call';
import { draftProviderExchange } from '../draft-provider-exchange';
import { parseProviderAnswer } from '../parse-provider-answer';
import type { BillLine, ProviderFailure, ProviderResult } from '../provider-client';
import { sendProviderRequest } from '../send-provider-request';
import { alipayBillUrlSchema } from './alipay-api-schemas';
import type { AlipayClientConfig } from './alipay-client-config';
import { callAlipay } from './call-alipay';
import { parseAlipayBill } from './parse-alipay-bill';
import { readZipEntries } from './read-zip-entries';

const maxBillBytes = 64 * 1024 * 1024;
const gbk = new TextDecoder('gbk', { fatal: true });

/**
 * The day's trade bill: alipay.data.dataservice.bill.downloadurl.query (a verified answer with a short-lived link),
 * then the zip it points to, whose 业务明细 file (GBK) lists the day's payments and refunds. The link carries its
 * own credentials, so nothing of ours is sent with it. A day without a bill (isp.bill_not_exist) is an empty one.
 */
export async function downloadAlipayBill(options: { config: AlipayClientConfig; date: string }): Promise<ProviderResult<BillLine[]>> {
  const { config, date } = options;
  checkBillDate(date);
  const link = await callAlipay({
    config,
    operation: 'download_bill',
    method: 'alipay.data.dataservice.bill.downloadurl.query',
    bizContent: { bill_type: 'trade', bill_date: date },
  });
  const { reply } = link;
  if (reply.kind === 'failure') return completeProviderCall(link.draft, { failure: reply.failure });
  if (reply.kind === 'error') {
    if (reply.code === 'isp.bill_not_exist') return completeProviderCall(link.draft, { value: [] });
    return completeProviderCall(link.draft, { failure: { kind: 'refused', code: reply.code, message: reply.message } });
  }
  const parsed = parseProviderAnswer(reply.text, alipayBillUrlSchema, 'Alipay bill link answer');
  if ('failure' in parsed) return completeProviderCall(link.draft, parsed);
  const url = parsed.data.bill_download_url;
  if (!/^https?:$/.test(new URL(url).protocol)) {
    return completeProviderCall(link.draft, { failure: { kind: 'untrusted', code: null, message: 'bill_download_url is not http(s)' } });
  }
  const linked = completeProviderCall(link.draft, { value: null });
  const headers = { accept: '*/*', 'user-agent': 'paygate/1' };
  const outcome = await sendProviderRequest({
    method: 'GET',
    url,
    headers,
    body: null,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: maxBillBytes,
  });
  const draft = draftProviderExchange({
    provider: 'alipay',
    operation: 'download_bill',
    method: 'GET',
    maskedUrl: url.replace(/([?&](?:token|sign)=)[^&]*/g, '$1***'),
    maskedRequestHeaders: headers,
    requestBody: null,
    outcome,
    binaryResponse: true,
  });
  const finish = (result: { value: BillLine[] } | { failure: ProviderFailure }) => ({
    ...completeProviderCall(draft, result),
    precedingExchanges: [linked.exchange],
  });
  if (outcome.response === null) return finish({ failure: { kind: 'unavailable', code: null, message: outcome.error ?? 'no answer' } });
  if (outcome.response.status !== 200)
    return finish({ failure: { kind: 'unavailable', code: null, message: `bill download answered HTTP ${outcome.response.status}` } });
  try {
    const details = readZipEntries(outcome.response.body).filter(({ name }) => name.endsWith('业务明细.csv'));
    if (details.length !== 1)
      return finish({
        failure: { kind: 'untrusted', code: null, message: `bill archive has ${details.length} 业务明细.csv files, not one` },
      });
    return finish({ value: parseAlipayBill(gbk.decode(details[0].data)) });
  } catch (error) {
    if (!isAppError(error) && !(error instanceof TypeError) && !(error instanceof RangeError)) throw error;
    return finish({ failure: { kind: 'untrusted', code: null, message: error.message } });
  }
}
