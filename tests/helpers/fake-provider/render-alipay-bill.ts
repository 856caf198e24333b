// An Alipay trade bill as the bill centre serves it: a zip of two GBK CSV files, the details (业务明细) and the
// totals (业务明细(汇总)), with # comment lines around the details and every value padded with a tab.
import { convertFenToYuan } from '@/server/providers/alipay/convert-fen-to-yuan';
import { formatAlipayTime } from '@/server/providers/alipay/format-alipay-time';
import { encodeGbk } from './encode-gbk';
import type { FakeBillRow } from './fake-bill-rows';
import { writeZip } from './write-zip';

const header =
  '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注';

export function renderAlipayBill(sellerId: string, date: string, rows: FakeBillRow[]): Buffer {
  const yuan = convertFenToYuan;
  const compact = date.replaceAll('-', '');
  const details = rows.map((row) => {
    const refund = row.kind === 'refund';
    const fields = [
      row.transactionId,
      row.outTradeNo,
      refund ? '退款' : '交易',
      row.subject.replaceAll(',', '，'),
      formatAlipayTime(row.at),
      formatAlipayTime(row.at),
      '',
      '',
      '',
      '',
      '159****5620',
      yuan(refund ? row.orderAmount : row.amount),
      refund ? `-${yuan(row.amount)}` : yuan(row.amount),
      ...Array(5).fill('0.00'),
      '',
      '0.00',
      '0.00',
      row.outRefundNo ?? '',
      '0.00',
      '0.00',
      '',
    ];
    return fields.map((field) => `${field}\t`).join(',');
  });
  const total = (kind: FakeBillRow['kind']) => rows.filter((row) => row.kind === kind).reduce((sum, row) => sum + row.amount, 0);
  const count = (kind: FakeBillRow['kind']) => rows.filter((row) => row.kind === kind).length;
  const text = [
    '#支付宝业务明细查询',
    `#账号：[${sellerId}0156]`,
    `#起始日期：[${date} 00:00:00]   终止日期：[${date} 23:59:59]`,
    '#-----------------------------------------业务明细列表----------------------------------------',
    header,
    ...details,
    '#-----------------------------------------业务明细列表结束------------------------------------',
    `#交易合计：${count('payment')}笔，商家实收共${yuan(total('payment'))}元，商家优惠共0.00元`,
    `#退款合计：${count('refund')}笔，商家实收共-${yuan(total('refund'))}元，商家优惠共0.00元`,
    `#导出时间：[${formatAlipayTime(new Date())}]`,
  ].join('\r\n');
  const summary = [
    '#支付宝业务汇总查询',
    '门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）',
    `,,${count('payment')},${count('refund')},${yuan(total('payment'))},${yuan(total('payment') - total('refund'))}`,
  ].join('\r\n');
  return writeZip([
    { name: `${sellerId}0156_${compact}_业务明细.csv`, data: encodeGbk(text) },
    { name: `${sellerId}0156_${compact}_业务明细(汇总).csv`, data: encodeGbk(summary) },
  ]);
}
