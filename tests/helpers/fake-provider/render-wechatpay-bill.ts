// A trade bill (bill_type ALL) written as WeChat Pay writes it: a header, detail lines with every field behind a
// backtick, then the summary header and line; amounts in yuan.
import { convertFenToYuan } from '@/server/providers/alipay/convert-fen-to-yuan';
import { formatAlipayTime } from '@/server/providers/alipay/format-alipay-time';
import type { FakeBillRow } from './fake-bill-rows';
import type { FakeWechatpayKeys } from './fake-wechatpay-state';

const header =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';

export function renderWechatpayBill(keys: FakeWechatpayKeys, rows: FakeBillRow[]): string {
  const yuan = convertFenToYuan;
  const details = rows.map((row) => {
    const refund = row.kind === 'refund';
    const fields = [
      formatAlipayTime(row.at),
      keys.appid,
      keys.mchid,
      '0',
      '',
      row.transactionId,
      row.outTradeNo,
      row.payer ?? '',
      'NATIVE',
      refund ? 'REFUND' : 'SUCCESS',
      'OTHERS',
      'CNY',
      refund ? '0.00' : yuan(row.amount),
      '0.00',
      row.refundId ?? '0',
      row.outRefundNo ?? '0',
      refund ? yuan(row.amount) : '0.00',
      '0.00',
      refund ? 'ORIGINAL' : '',
      refund ? 'SUCCESS' : '',
      row.subject.replaceAll(',', '，'),
      '',
      '0.00000',
      '0.60%',
      yuan(refund ? row.orderAmount : row.amount),
      refund ? yuan(row.amount) : '0.00',
      '',
    ];
    return fields.map((field) => `\`${field}`).join(',');
  });
  const paid = rows.filter((row) => row.kind === 'payment').reduce((sum, row) => sum + row.amount, 0);
  const refunded = rows.filter((row) => row.kind === 'refund').reduce((sum, row) => sum + row.amount, 0);
  const summary = [
    '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
    [String(rows.length), yuan(paid), yuan(refunded), '0.00', '0.00000', yuan(paid), yuan(refunded)].map((field) => `\`${field}`).join(','),
  ];
  return `\uFEFF${[header, ...details, ...summary].join('\r\n')}\r\n`;
}
