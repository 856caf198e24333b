import { z } from 'zod';

// The answers of the v3 APIs we call. Unknown fields are stripped: WeChat Pay adds fields without notice.
const fen = z.number().int().nonnegative();
const wechatpayTime = z.iso.datetime({ offset: true });

/** Every v3 error answer: `{code, message}` (and sometimes `detail`). */
export const wechatpayErrorSchema = z.object({ code: z.string().min(1), message: z.string().default('') });

/** POST /v3/pay/transactions/native */
export const wechatpayNativeOrderSchema = z.object({ code_url: z.string().min(1) });

/** GET /v3/pay/transactions/out-trade-no/{no}: an unpaid order has no transaction_id, payer or success_time yet. */
export const wechatpayOrderSchema = z.object({
  appid: z.string().min(1).optional(),
  mchid: z.string().min(1),
  out_trade_no: z.string().min(1),
  transaction_id: z.string().min(1).optional(),
  trade_type: z.string().optional(),
  trade_state: z.string().min(1),
  trade_state_desc: z.string().optional(),
  success_time: wechatpayTime.optional(),
  payer: z.object({ openid: z.string().optional() }).optional(),
  amount: z
    .object({
      total: fen.optional(),
      payer_total: fen.optional(),
      currency: z.string().optional(),
      payer_currency: z.string().optional(),
    })
    .optional(),
  scene_info: z.object({ device_id: z.string().optional() }).optional(),
});

/** POST /v3/refund/domestic/refunds and GET /v3/refund/domestic/refunds/{out_refund_no}: the same refund object. */
export const wechatpayRefundAnswerSchema = z.object({
  refund_id: z.string().min(1),
  out_refund_no: z.string().min(1),
  transaction_id: z.string().min(1),
  out_trade_no: z.string().min(1),
  channel: z.string().optional(),
  user_received_account: z.string().optional(),
  success_time: wechatpayTime.optional(),
  create_time: z.string().optional(),
  status: z.string().min(1),
  funds_account: z.string().optional(),
  amount: z.object({
    total: fen,
    refund: fen,
    payer_total: fen.optional(),
    payer_refund: fen.optional(),
    settlement_refund: fen.optional(),
    settlement_total: fen.optional(),
    discount_refund: fen.optional(),
    currency: z.string().min(1),
  }),
});

/** GET /v3/bill/tradebill: where to fetch the day's bill and the digest it must have. */
export const wechatpayTradeBillSchema = z.object({
  hash_type: z.literal('SHA1'),
  hash_value: z.string().regex(/^[0-9a-fA-F]{40}$/),
  download_url: z.string().url(),
});

export type WechatpayOrderAnswer = z.infer<typeof wechatpayOrderSchema>;
export type WechatpayRefundAnswer = z.infer<typeof wechatpayRefundAnswerSchema>;
