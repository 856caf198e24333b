import { AppError } from '@/lib/errors';
import { convertYuanToFen } from '../alipay/convert-yuan-to-fen';
import { parseChinaTime } from '../alipay/parse-china-time';
import type { BillLine } from '../provider-client';

// The columns we read; WeChat Pay says to find them by the header's names, as their order may change.
const needed = [
  '交易时间',
  '商户号',
  '微信订单号',
  '商户订单号',
  '交易状态',
  '货币种类',
  '订单金额',
  '商户退款单号',
  '申请退款金额',
] as const;

/**
 * A trade bill (bill_type ALL) as WeChat Pay serves it: a header line, detail lines whose every field starts with a
 * backtick (so spreadsheets keep long numbers), then a summary header and line. Payments are SUCCESS lines; refunds
 * are REFUND lines, dated when the refund was accepted. Amounts are yuan. Anything else in the detail is skipped.
 */
export function parseWechatpayTradeBill(text: string, mchid: string): BillLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(',').map((name) => name.trim());
  for (const name of needed) {
    if (!header.includes(name)) throw new AppError('validation_failed', `WeChat Pay bill has no column ${name}`);
  }
  const bill: BillLine[] = [];
  for (const [offset, line] of lines.slice(1).entries()) {
    if (!line.startsWith('`')) break;
    const fields = line.slice(1).split(',`');
    if (fields.length !== header.length) {
      throw new AppError(
        'validation_failed',
        `WeChat Pay bill line ${offset + 2} has ${fields.length} fields, the header ${header.length}`,
      );
    }
    const field = (name: (typeof needed)[number]) => fields[header.indexOf(name)].trim();
    if (field('商户号') !== mchid)
      throw new AppError('validation_failed', `WeChat Pay bill line ${offset + 2} is for merchant ${field('商户号')}, not ${mchid}`);
    const state = field('交易状态');
    if (state !== 'SUCCESS' && state !== 'REFUND') continue;
    const refund = state === 'REFUND';
    bill.push({
      kind: refund ? 'refund' : 'payment',
      providerTradeNo: field('商户订单号'),
      providerTransactionId: field('微信订单号'),
      providerRefundNo: refund ? field('商户退款单号') : null,
      amount: convertYuanToFen(refund ? field('申请退款金额') : field('订单金额'), refund ? '申请退款金额' : '订单金额'),
      currency: field('货币种类'),
      at: parseChinaTime(field('交易时间'), '交易时间'),
    });
  }
  return bill;
}
