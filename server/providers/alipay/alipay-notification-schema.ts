import { z } from 'zod';

const text = z.string().min(1);

// Values stay strings here: amounts and times are converted exactly afterwards, with messages naming the field.
export const alipayNotificationSchema = z.object({
  notify_id: text,
  notify_time: text,
  app_id: text,
  out_trade_no: text,
  trade_no: text,
  trade_status: z.enum(['WAIT_BUYER_PAY', 'TRADE_CLOSED', 'TRADE_SUCCESS', 'TRADE_FINISHED']),
  total_amount: text,
  buyer_id: text.optional(),
  buyer_logon_id: text.optional(),
  gmt_payment: text.optional(),
  refund_fee: text.optional(),
  out_biz_no: text.optional(),
  gmt_refund: text.optional(),
});

export type AlipayNotification = z.infer<typeof alipayNotificationSchema>;
