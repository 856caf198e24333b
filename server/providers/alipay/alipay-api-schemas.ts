import { z } from 'zod';

// The `*_response` members of the gateway answers we read. Amounts and times stay strings here: they are converted
// exactly afterwards. Unknown fields are stripped: Alipay adds fields without notice.
const text = z.string().min(1);

/** Every answer: 10000 is success; anything else carries a sub_code saying why. */
export const alipayCommonSchema = z.object({
  code: text,
  msg: z.string().default(''),
  sub_code: text.optional(),
  sub_msg: z.string().optional(),
});

export const alipayPrecreateSchema = z.object({ out_trade_no: text, qr_code: text });

export const alipayTradeSchema = z.object({
  trade_no: text.optional(),
  out_trade_no: text,
  trade_status: text,
  total_amount: text,
  buyer_user_id: text.optional(),
  buyer_open_id: text.optional(),
  buyer_logon_id: text.optional(),
  send_pay_date: text.optional(),
  terminal_id: text.optional(),
});

export const alipayCloseSchema = z.object({ trade_no: text.optional(), out_trade_no: text.optional() });

export const alipayRefundSchema = z.object({
  trade_no: text,
  out_trade_no: text,
  fund_change: z.enum(['Y', 'N']),
  /** The trade's whole refunded amount so far, not this refund's. */
  refund_fee: text,
  gmt_refund_pay: text.optional(),
  send_back_fee: text.optional(),
});

/** alipay.trade.fastpay.refund.query: an answer without refund_amount means Alipay knows no such refund (yet). */
export const alipayRefundQuerySchema = z.object({
  trade_no: text.optional(),
  out_trade_no: text.optional(),
  out_request_no: text.optional(),
  total_amount: text.optional(),
  refund_amount: text.optional(),
  refund_status: text.optional(),
  gmt_refund_pay: text.optional(),
});

/** alipay.data.dataservice.bill.downloadurl.query */
export const alipayBillUrlSchema = z.object({ bill_download_url: z.url() });
