// The fake Alipay's bills: the download-link query hands out a short-lived link, the link serves the zip.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { alipayError } from './answer-alipay';
import type { AlipayOutcome } from './fake-alipay-trades';
import type { FakeAlipayState } from './fake-alipay-state';
import { chinaDate, type FakeBillRow } from './fake-bill-rows';
import type { FakeFault } from './fake-faults';
import type { FakeAnswer } from './fake-http-server';
import { renderAlipayBill } from './render-alipay-bill';

export function alipayBillRows(state: FakeAlipayState, date: string): FakeBillRow[] {
  const rows: FakeBillRow[] = [];
  for (const trade of state.trades.values()) {
    if (trade.paidAt === null || trade.tradeNo === null || chinaDate(trade.paidAt) !== date) continue;
    rows.push({
      kind: 'payment',
      outTradeNo: trade.outTradeNo,
      transactionId: trade.tradeNo,
      orderAmount: trade.amount,
      amount: trade.amount,
      outRefundNo: null,
      refundId: null,
      at: trade.paidAt,
      subject: trade.subject,
      payer: trade.buyerId,
    });
  }
  for (const refund of state.refunds.values()) {
    const trade = state.trades.get(refund.outTradeNo);
    if (refund.succeededAt === null || chinaDate(refund.succeededAt) !== date || !trade?.tradeNo) continue;
    rows.push({
      kind: 'refund',
      outTradeNo: refund.outTradeNo,
      transactionId: trade.tradeNo,
      orderAmount: trade.amount,
      amount: refund.amount,
      outRefundNo: refund.outRequestNo,
      refundId: null,
      at: refund.succeededAt,
      subject: trade.subject,
      payer: trade.buyerId,
    });
  }
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export function createBillLink(state: FakeAlipayState, biz: unknown, host: string): AlipayOutcome {
  const request = z
    .object({ bill_type: z.enum(['trade', 'signcustomer']), bill_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
    .safeParse(biz);
  if (!request.success)
    return {
      content: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-parameter', sub_msg: z.prettifyError(request.error) },
    };
  const { bill_date: date } = request.data;
  const rows = (state.billEditor ?? ((_, own) => own))(date, alipayBillRows(state, date));
  if (rows.length === 0) return { content: alipayError('isp.bill_not_exist', '账单不存在') };
  const token = randomBytes(12).toString('hex');
  state.billFiles.set(token, renderAlipayBill(state.keys.sellerId, date, rows));
  return {
    content: {
      code: '10000',
      msg: 'Success',
      bill_download_url: `http://${host}/alipay/billdownload?bizType=trade&bizDates=${date.replaceAll('-', '')}&fileType=csv.zip&token=${token}`,
    },
  };
}

/** The zip; a `tamper` fault edits `{ zip }`. */
export function serveAlipayBillFile(state: FakeAlipayState, token: string | null, fault: FakeFault | null): FakeAnswer {
  const zip = token === null ? undefined : state.billFiles.get(token);
  if (zip === undefined) return { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html>file not found</html>' };
  const file = { zip };
  if (fault?.kind === 'tamper') fault.change(file);
  return {
    status: 200,
    headers: { 'Content-Type': 'application/oct-stream' },
    body: file.zip,
    delayMs: fault?.kind === 'delay' ? fault.ms : 0,
  };
}
