import { z } from 'zod';

// Unknown fields are stripped, not refused: WeChat Pay adds fields to its notifications without notice.
export const wechatpayEnvelopeSchema = z.object({
  id: z.string().min(1),
  create_time: z.string().min(1),
  event_type: z.string().min(1),
  resource_type: z.string().min(1),
  summary: z.string(),
  resource: z.object({
    algorithm: z.literal('AEAD_AES_256_GCM'),
    ciphertext: z.string().min(1),
    associated_data: z.string().optional(),
    nonce: z.string().min(1),
    original_type: z.string().min(1),
  }),
});

const wechatpayTime = z.iso.datetime({ offset: true });
const fen = z.number().int().nonnegative();

export const wechatpayTransactionSchema = z.object({
  mchid: z.string().min(1),
  appid: z.string().optional(),
  out_trade_no: z.string().min(1),
  transaction_id: z.string().min(1),
  trade_type: z.string().optional(),
  trade_state: z.string().min(1),
  trade_state_desc: z.string().optional(),
  bank_type: z.string().optional(),
  success_time: wechatpayTime.optional(),
  payer: z.object({ openid: z.string() }).optional(),
  amount: z.object({
    total: fen,
    payer_total: fen.optional(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    payer_currency: z.string().optional(),
  }),
  scene_info: z.object({ device_id: z.string().optional() }).optional(),
});

export const wechatpayRefundSchema = z.object({
  mchid: z.string().min(1),
  out_trade_no: z.string().min(1),
  transaction_id: z.string().min(1),
  out_refund_no: z.string().min(1),
  refund_id: z.string().min(1),
  refund_status: z.string().min(1),
  success_time: wechatpayTime.optional(),
  amount: z.object({ total: fen, refund: fen, payer_total: fen.optional(), payer_refund: fen.optional() }),
});

export type WechatpayTransaction = z.infer<typeof wechatpayTransactionSchema>;
export type WechatpayRefund = z.infer<typeof wechatpayRefundSchema>;
