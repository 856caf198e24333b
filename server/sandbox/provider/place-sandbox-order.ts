import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import { sandboxMchid } from '../sandbox-keys';
import { sandboxError, type SandboxAnswer } from './sandbox-answer';

const nativeOrderSchema = z.object({
  appid: z.string().min(1),
  mchid: z.string().min(1),
  description: z.string().min(1).max(127),
  out_trade_no: z.string().regex(/^[A-Za-z0-9_\-|*]{6,32}$/),
  time_expire: z.iso.datetime({ offset: true }).optional(),
  notify_url: z.url(),
  amount: z.object({ total: z.number().int().positive(), currency: z.literal('CNY').default('CNY') }),
});

/**
 * `POST /v3/pay/transactions/native` at the sandbox provider: it now knows the order and answers its code_url.
 * Placing the same out_trade_no again with the same amount answers the same order, as WeChat Pay does. The sandbox's
 * create fault makes every order fail: an error (500), a refusal, or an answer with a forged signature.
 */
export async function placeSandboxOrder({ db, body }: { db: Db; body: unknown }): Promise<SandboxAnswer> {
  const parsed = nativeOrderSchema.safeParse(body);
  if (!parsed.success) return sandboxError(400, 'PARAM_ERROR', z.prettifyError(parsed.error).slice(0, 200));
  const order = parsed.data;
  const setting = await db.sandboxSetting.findUnique({ where: { id: 'sandbox' } });
  if (setting?.createFault === 'error') return sandboxError(500, 'SYSTEM_ERROR', '系统错误');
  if (setting?.createFault === 'refuse') return sandboxError(400, 'INVALID_REQUEST', '商户号该产品权限未开通');
  if (order.mchid !== sandboxMchid) return sandboxError(400, 'MCH_NOT_EXISTS', `mchid ${order.mchid} is not a sandbox merchant`);
  await db.sandboxOrder.createMany({
    data: {
      outTradeNo: order.out_trade_no,
      transactionId: `4200${Date.now()}${String(randomInt(0, 1e9)).padStart(9, '0')}`,
      amount: order.amount.total,
      currency: order.amount.currency,
      description: order.description,
      expiresAt: order.time_expire ? new Date(order.time_expire) : null,
      notifyUrl: order.notify_url,
    },
    skipDuplicates: true,
  });
  const stored = await db.sandboxOrder.findUniqueOrThrow({ where: { outTradeNo: order.out_trade_no } });
  if (stored.amount !== order.amount.total || stored.currency !== order.amount.currency) {
    return sandboxError(400, 'INVALID_REQUEST', `out_trade_no ${order.out_trade_no} was placed with another amount`);
  }
  const codeUrl = `weixin://wxpay/bizpayurl?pr=sbx${stored.transactionId.slice(-12)}`;
  return { status: 200, body: { code_url: codeUrl }, signing: setting?.createFault === 'bad_signature' ? 'bad_signature' : 'proper' };
}
