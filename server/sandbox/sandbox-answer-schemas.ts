import { z } from 'zod';

// The WeChat Pay v3 answers the sandbox gives, as its clients parse them. Unknown fields are stripped, not refused.
const fen = z.number().int().nonnegative();

export const wechatErrorSchema = z.object({ code: z.string(), message: z.string().optional() });

export const wechatNativeOrderSchema = z.object({ code_url: z.string().min(1) });

export const wechatOrderQuerySchema = z.object({
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().min(1).optional(),
  trade_state: z.string().min(1),
  success_time: z.iso.datetime({ offset: true }).optional(),
  payer: z.object({ openid: z.string() }).optional(),
  amount: z.object({ total: fen, currency: z.string().regex(/^[A-Z]{3}$/) }),
  scene_info: z.object({ device_id: z.string().optional() }).optional(),
});

export const wechatRefundAnswerSchema = z.object({
  refund_id: z.string().min(1),
  out_refund_no: z.string().min(1),
  out_trade_no: z.string().min(1),
  status: z.string().min(1),
  success_time: z.iso.datetime({ offset: true }).optional(),
  amount: z.object({ refund: fen, total: fen }),
});
