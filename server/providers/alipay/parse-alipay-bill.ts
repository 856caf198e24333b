import { AppError } from '@/lib/errors';
import type { BillLine } from '../provider-client';
import { convertYuanToFen } from './convert-yuan-to-fen';
import { parseChinaTime } from './parse-china-time';

const needed = ['支付宝交易号', '商户订单号', '业务类型', '完成时间', '订单金额（元）', '商家实收（元）', '退款批次号/请求号'] as const;

/**
 * The detail file (…_业务明细.csv) of an Alipay trade bill: comment lines starting with #, a header, the detail
 * lines (values padded with tabs and spaces), then # lines again with the totals. 交易 lines are payments of their
 * 订单金额; 退款 lines are refunds of their (negative) 商家实收, numbered by 退款批次号/请求号. Amounts are yuan.
 */
export function parseAlipayBill(text: string): BillLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const start = lines.findIndex((line) => line.includes('支付宝交易号') && line.includes('商户订单号'));
  if (start < 0) throw new AppError('validation_failed', 'Alipay bill has no detail header');
  const header = lines[start].split(',').map((name) => name.trim());
  for (const name of needed) {
    if (!header.includes(name)) throw new AppError('validation_failed', `Alipay bill has no column ${name}`);
  }
  const bill: BillLine[] = [];
  for (const [offset, line] of lines.slice(start + 1).entries()) {
    if (line.startsWith('#') || line.trim() === '') break;
    const fields = line.split(',').map((value) => value.trim());
    if (fields.length !== header.length) {
      throw new AppError(
        'validation_failed',
        `Alipay bill line ${start + offset + 2} has ${fields.length} fields, the header ${header.length}`,
      );
    }
    const field = (name: (typeof needed)[number]) => fields[header.indexOf(name)];
    const type = field('业务类型');
    if (type !== '交易' && type !== '退款') continue;
    const refund = type === '退款';
    bill.push({
      kind: refund ? 'refund' : 'payment',
      providerTradeNo: field('商户订单号'),
      providerTransactionId: field('支付宝交易号'),
      providerRefundNo: refund ? field('退款批次号/请求号') : null,
      amount: refund
        ? convertYuanToFen(field('商家实收（元）').replace(/^-/, ''), '商家实收（元）')
        : convertYuanToFen(field('订单金额（元）'), '订单金额（元）'),
      currency: 'CNY',
      at: parseChinaTime(field('完成时间'), '完成时间'),
    });
  }
  return bill;
}
