// What a day's bill says, before either provider writes it in its own format; a test may edit the rows (drop a
// payment, change an amount, add a stranger) to make a bill disagree with our books.
import { formatAlipayTime } from '@/server/providers/alipay/format-alipay-time';

export type FakeBillRow = {
  kind: 'payment' | 'refund';
  outTradeNo: string;
  transactionId: string;
  /** The order's whole amount, in fen (refund lines show it beside the refund). */
  orderAmount: number;
  /** What this line moved, in fen: the payment, or the refund. */
  amount: number;
  outRefundNo: string | null;
  refundId: string | null;
  /** Paid at (payment), or accepted at (refund). */
  at: Date;
  subject: string;
  payer: string | null;
};

/** Takes the day (yyyy-MM-dd, China time) and the rows the fake's own records give; returns the rows to bill. */
export type BillEditor = (date: string, rows: FakeBillRow[]) => FakeBillRow[];

export const chinaDate = (at: Date) => formatAlipayTime(at).slice(0, 10);
